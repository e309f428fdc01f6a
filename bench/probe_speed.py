"""Probe speed: tlsgui's probe against sslyze on the same `tlsgui serve` listener, interleaved in the same run.

Both find the same facts (protocols TLS 1.0-1.3, every accepted suite, the certificate; tests/preview/
test_scanner_parity.py shows they agree). Target: the probe under 1 s per listener.
Usage: python bench/probe_speed.py [--runs 5] [--json F]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from common import child_env, spread  # noqa: E402
from handshakes import make_project  # noqa: E402

TARGET_S = 1.0


def start_serve(root: Path, folder: Path) -> tuple[subprocess.Popen, dict]:
    ready = folder / "ready.json"
    process = subprocess.Popen([sys.executable, "-m", "tlsgui", "serve", str(root), "--ready-file", str(ready)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env())
    deadline = time.monotonic() + 60
    while not ready.exists():  # a bounded poll of the ready file
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit("tlsgui serve did not start")
        time.sleep(0.05)
    return process, json.loads(ready.read_text())


def time_probe(port: int) -> float:
    from tlsgui.preview.probe import probe_address

    started = time.perf_counter()
    report = probe_address("127.0.0.1", port)
    seconds = time.perf_counter() - started
    assert report.listeners[0].facts.get("tls12_suites"), "the probe found no suite"
    return seconds


class Sslyze:
    """sslyze in its own virtualenv (.venv-scanners), one child kept alive so its start-up is not timed."""

    def __init__(self) -> None:
        python = Path(os.environ.get("TLSGUI_SCANNERS_PYTHON", HERE.parent / ".venv-scanners" / "bin" / "python"))
        if not python.exists():
            raise SystemExit(f"sslyze's virtualenv is missing: run `make scanners` ({python})")
        self.child = subprocess.Popen([str(python), str(HERE / "sslyze_scan.py")], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)

    def time(self, port: int) -> float:
        """The child's own clock around the scan (the pipe round trip is not sslyze's)."""
        self.child.stdin.write(json.dumps({"targets": [{"name": "web", "port": port}]}) + "\n")
        self.child.stdin.flush()
        answer = json.loads(self.child.stdout.readline())
        assert answer["views"]["web"]["suites"], "sslyze found no suite"
        return answer["seconds"]

    def close(self) -> None:
        self.child.stdin.close()
        try:
            self.child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.child.kill()
            self.child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tlsgui-bench-probe-") as tmp:
        root = make_project(Path(tmp))
        process, ready = start_serve(root, Path(tmp))
        scanner = Sslyze()
        try:
            port = next(item["port"] for item in ready["listeners"] if item["role"] == "web_https")
            time_probe(port), scanner.time(port)  # warm-up: imports and trust stores, not measured
            probe, sslyze = [], []
            for run in range(args.runs):  # interleaved A-B, B-A so drift on a shared machine hits both
                order = (("probe", time_probe), ("sslyze", scanner.time))
                for name, measure in (order if run % 2 == 0 else order[::-1]):
                    (probe if name == "probe" else sslyze).append(measure(port))
        finally:
            scanner.close()
            process.terminate()
            process.wait(timeout=20)
    figures = {"probe_ms": spread(probe, 1000), "sslyze_ms": spread(sslyze, 1000)}
    figures["ratio"] = round(figures["sslyze_ms"]["median"] / figures["probe_ms"]["median"], 2)
    ok = figures["probe_ms"]["median"] < TARGET_S * 1000
    print(f"probe, one listener:  median {figures['probe_ms']['median']} ms over {args.runs} runs")
    print(f"sslyze, same listener: median {figures['sslyze_ms']['median']} ms")
    print(f"sslyze / probe: {figures['ratio']}x; probe target < {TARGET_S:g} s per listener: "
          f"{'OK' if ok else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
