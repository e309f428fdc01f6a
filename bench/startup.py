"""Start-up of the installed `tlsgui PROJECT` command to its completed first paint, against a bare window.

Usage: python bench/startup.py [--runs N] [--json FILE]   (QT_QPA_PLATFORM defaults to offscreen)

Each sample is a fresh child process timed from spawn until it prints "painted": for tlsgui, the console
script pip installed (`.venv/bin/tlsgui PROJECT`, the path a user runs: entry point, argument routing,
project loading, window, first page) with TLSGUI_REPORT_FIRST_PAINT set; for the baseline, a bare
QMainWindow whose central widget is a QTabWidget with five tabs (one label each), 1280x800. Both report
the same way: at the window's first Paint event a zero timer is started, and it fires once that paint pass
(the window and all its children) is over. The child also reports its peak RSS at that moment.
Samples are interleaved (bare, tlsgui, bare, ...) after one warm-up of each; medians, ratio of the medians
and the spread of the per-pair ratios are printed. Targets: start-up <= 1.5x, peak memory <= 1.5x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, child_env, spread

TARGET = 1.5
MEMORY_TARGET = 1.5

BARE = textwrap.dedent("""
    import os, resource
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
    app = QApplication([])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("Web", "Client-server", "SQL", "TLS policy", "Certificates"):
        tabs.addTab(QLabel(f"{name} settings"), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    def report():
        print("painted", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        os._exit(0)
    class FirstPaint(QObject):
        seen = False
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer(window, singleShot=True, interval=0, timeout=report).start()
            return False
    window.installEventFilter(FirstPaint(window))
    window.show()
    app.exec()
""")


def console_script() -> Path:
    """The `tlsgui` command pip installed beside this interpreter (what `make venv` makes)."""
    script = Path(sys.executable).parent / "tlsgui"
    if not script.is_file():
        raise SystemExit(f"{script} does not exist: install tlsgui first (make venv)")
    return script


def sample(argv: list[str], home: Path) -> tuple[float, int, float]:
    """(seconds from spawn to "painted", peak RSS KiB, CPU seconds user+system) of one fresh child.

    CPU time is reported beside the wall time because it moves far less when other programs load the
    machine (wall time includes waiting for a core; CPU time does not).
    """
    env = child_env()
    env.pop("PYTHONPATH", None)  # the installed command finds its package itself
    # The window keeps its state (recent projects, last page) in QSettings: a home of the bench's own.
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               TLSGUI_REPORT_FIRST_PAINT="1")
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if child.returncode is None:
            child.kill()
            child.wait()
    child.stdout.close()
    words = line.split()
    if len(words) != 2 or words[0] != "painted":
        raise SystemExit(f"{argv[0]} did not report its first paint (exit {child.returncode}): {line!r}")
    return elapsed, int(words[1]), usage.ru_utime + usage.ru_stime


def measure(runs: int) -> dict:
    sys.path.insert(0, str(ROOT))
    from tlsgui.project.demo import write_demo

    with tempfile.TemporaryDirectory(prefix="tlsgui-bench-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        project = write_demo(Path(tmp) / "DemoShop")
        bare_argv = [sys.executable, "-c", BARE]
        ours_argv = [str(console_script()), str(project)]
        sample(bare_argv, home), sample(ours_argv, home)  # warm the file cache and bytecode of both
        bare, ours = [], []
        for _ in range(max(runs, 1)):  # interleaved, so machine load hits both alike
            bare.append(sample(bare_argv, home))
            ours.append(sample(ours_argv, home))
    bare_s, ours_s = [t for t, _, _ in bare], [t for t, _, _ in ours]
    bare_kib, ours_kib = [m for _, m, _ in bare], [m for _, m, _ in ours]
    bare_cpu, ours_cpu = [c for _, _, c in bare], [c for _, _, c in ours]
    pair_ratios = [o / b for o, b in zip(ours_s, bare_s, strict=True)]
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = -1.0
    return {
        "bare_ms": round(statistics.median(bare_s) * 1000, 1),
        "tlsgui_ms": round(statistics.median(ours_s) * 1000, 1),
        "ratio": round(statistics.median(ours_s) / statistics.median(bare_s), 2),
        "pair_ratio": spread(pair_ratios, digits=2),
        "bare_ms_spread": spread(bare_s, 1000), "tlsgui_ms_spread": spread(ours_s, 1000),
        "bare_cpu_ms": round(statistics.median(bare_cpu) * 1000, 1),
        "tlsgui_cpu_ms": round(statistics.median(ours_cpu) * 1000, 1),
        "cpu_ratio": round(statistics.median(ours_cpu) / statistics.median(bare_cpu), 2),
        "bare_mib": round(statistics.median(bare_kib) / 1024, 1),
        "tlsgui_mib": round(statistics.median(ours_kib) / 1024, 1),
        "memory_ratio": round(statistics.median(ours_kib) / statistics.median(bare_kib), 2),
        "runs": len(ours), "load_average_1min": round(load, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="samples of each (default 15)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    result = measure(args.runs)
    ratios = result["pair_ratio"]
    print(f"bare QMainWindow + 5 tabs: median {result['bare_ms']:.0f} ms over {result['runs']} runs "
          f"({result['bare_ms_spread']['min']:.0f}-{result['bare_ms_spread']['max']:.0f} ms)")
    print(f"tlsgui PROJECT (installed command): median {result['tlsgui_ms']:.0f} ms "
          f"({result['tlsgui_ms_spread']['min']:.0f}-{result['tlsgui_ms_spread']['max']:.0f} ms)")
    print(f"ratio: {result['ratio']:.2f}x (target <= {TARGET}x) {'OK' if result['ratio'] <= TARGET else 'OVER'}; "
          f"per-pair ratios {ratios['min']:.2f}-{ratios['max']:.2f} (quartiles {ratios['q1']:.2f}-{ratios['q3']:.2f})")
    print(f"CPU time (user+system) to the same point: bare {result['bare_cpu_ms']:.0f} ms, tlsgui "
          f"{result['tlsgui_cpu_ms']:.0f} ms, {result['cpu_ratio']:.2f}x")
    print(f"peak RSS at first paint: bare {result['bare_mib']:.1f} MiB, tlsgui {result['tlsgui_mib']:.1f} MiB, "
          f"{result['memory_ratio']:.2f}x (target <= {MEMORY_TARGET}x)")
    print(f"load average (1 min) at the end: {result['load_average_1min']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
