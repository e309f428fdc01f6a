"""Time of `tlsgui check` on the demo project: a cold process (median of N) and in-process, with baselines.

Usage: python bench/cli_check.py [--runs N] [--json FILE]
Baselines in the same run: `python -c pass` (the interpreter alone) and `tlsgui --version` (interpreter +
argument parsing, no project). In-process, `run_command(["check", DIR])` is timed with stdout captured, on
the demo project and on the demo project with an installed certificate (which `check` parses).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, child_env, spread

sys.path.insert(0, str(ROOT))


def cold(argv: list[str], runs: int, expect=(0, 1)) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, env=child_env(), timeout=120)
        samples.append(time.perf_counter() - start)
        if done.returncode not in expect:
            raise SystemExit(f"{argv} failed ({done.returncode}): {done.stderr.decode()[-1000:]}")
    return samples


def warm(project: Path, runs: int) -> list[float]:
    from tlsgui.cli import run_command

    samples = []
    for _ in range(runs + 1):
        out = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(out):
            code = run_command(["check", str(project)])
        samples.append(time.perf_counter() - start)
        assert code in (0, 1), out.getvalue()
    return samples[1:]  # the first call imports the checks: it belongs to the cold figure


def measure(runs: int) -> dict:
    from memory import _with_certificate

    from tlsgui.project.demo import write_demo

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="tlsgui-bench-") as tmp:
        demo = write_demo(Path(tmp) / "DemoShop")
        installed = _with_certificate(write_demo(Path(tmp) / "Installed"))
        cold([python, "-m", "tlsgui", "check", str(demo)], 1)  # warm the file cache and bytecode
        result = {
            "python_pass_ms": spread(cold([python, "-c", "pass"], runs), 1000),
            "version_ms": spread(cold([python, "-m", "tlsgui", "--version"], runs), 1000),
            "check_cold_ms": spread(cold([python, "-m", "tlsgui", "check", str(demo)], runs), 1000),
            "check_cold_installed_ms": spread(cold([python, "-m", "tlsgui", "check", str(installed)], runs), 1000),
            "check_in_process_ms": spread(warm(demo, runs * 4), 1000, 2),
            "check_in_process_installed_ms": spread(warm(installed, runs * 4), 1000, 2),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result = measure(max(args.runs, 1))
    for name, figure in result.items():
        print(f"{name:<32} median {figure['median']:>8} ms  (min {figure['min']}, max {figure['max']}, "
              f"n={figure['n']})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
