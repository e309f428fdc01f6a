"""Run every benchmark in bench/ one after another and print each one's figures (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
# Order: cheap first, so a slow machine shows something early.
BENCHES = ("startup.py", "handshakes.py", "responsiveness.py")


def main() -> int:
    failed = []
    for name in BENCHES:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / name)], cwd=HERE.parent)
        print(f"({name}: {time.perf_counter() - started:.1f} s, exit {done.returncode})", flush=True)
        if done.returncode:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
