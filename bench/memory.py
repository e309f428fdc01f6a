"""Peak memory (ru_maxrss) of tlsgui's main window vs a bare PySide6 window, each in a fresh child process.

Usage: python bench/memory.py [--runs N] [--json FILE]
The tlsgui child opens the main window on a fresh demo project and reports once the window has painted
and the facts (key.pem, cert.pem, dhparams.pem) have been read; a second variant has a certificate
installed, so reading the facts also imports `cryptography` and parses it. The bare child reports after
the first paint of an empty QMainWindow. Ratios are of the medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, child_env

REPORT = textwrap.dedent("""
    def report():
        import os, resource
        print("maxrss_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        os._exit(0)
""")

BARE = REPORT + textwrap.dedent("""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, report)
            return False
    window.installEventFilter(FirstPaint(window))
    window.show()
    app.exec()
""")

TLSGUI = REPORT + textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from tlsgui.app import create_app, open_main_window
    from tlsgui.windows.ui_state import UiState
    app = create_app()
    window = open_main_window(sys.argv[1], ui_state=UiState(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    def facts_read():
        QTimer.singleShot(0, report)
    def painted():
        if window.document.facts_complete:
            facts_read()
        else:
            window.document.facts_changed.connect(facts_read)
    window.first_painted.connect(painted)
    window.show()
    app.exec()
""")


def peak_kib(code: str, *args: str) -> int:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=child_env(),
                          timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("maxrss_kib "):
            return int(line.split()[1])
    raise SystemExit(f"the child reported no memory figure (exit {done.returncode}): {done.stderr[-2000:]}")


def measure(runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="tlsgui-bench-") as tmp:
        sys.path.insert(0, str(ROOT))
        from tlsgui.project.demo import write_demo

        project = str(write_demo(Path(tmp) / "DemoShop"))
        with_files = str(_with_certificate(write_demo(Path(tmp) / "Installed")))
        state = str(Path(tmp) / "ui-state.ini")
        bare, ours, installed = [], [], []
        for _ in range(runs):  # interleaved, like bench/startup.py
            bare.append(peak_kib(BARE))
            ours.append(peak_kib(TLSGUI, project, state))
            installed.append(peak_kib(TLSGUI, with_files, state))
    mib = {name: statistics.median(samples) / 1024 for name, samples in
           (("bare", bare), ("tlsgui", ours), ("installed", installed))}
    return {"bare_mib": round(mib["bare"], 1), "tlsgui_mib": round(mib["tlsgui"], 1),
            "ratio": round(mib["tlsgui"] / mib["bare"], 2), "installed_mib": round(mib["installed"], 1),
            "installed_ratio": round(mib["installed"] / mib["bare"], 2),
            "bare_samples_kib": bare, "tlsgui_samples_kib": ours, "installed_samples_kib": installed, "runs": runs}


def _with_certificate(root: Path) -> Path:
    """The demo project with key.pem, cert.pem and dhparams.pem, so reading the facts parses a certificate."""
    from tlsgui.crypto import dhparams
    from tlsgui.crypto.keys import generate_key
    from tlsgui.crypto.selfsigned import make_selfsigned
    from tlsgui.project.install import install_dhparams, install_selfsigned
    from tlsgui.project.store import load_project

    project = load_project(root)
    key = generate_key("ecdsa")
    install_selfsigned(project, key, make_selfsigned(key, "localhost"))
    install_dhparams(project, dhparams.group_pem("ffdhe2048"))
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    result = measure(max(args.runs, 1))
    print(f"bare PySide6 window: peak RSS median {result['bare_mib']:.1f} MiB over {result['runs']} runs")
    print(f"tlsgui main window, demo project (painted, facts read): {result['tlsgui_mib']:.1f} MiB "
          f"({result['ratio']:.2f}x)")
    print(f"tlsgui main window, demo + installed certificate: {result['installed_mib']:.1f} MiB "
          f"({result['installed_ratio']:.2f}x)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
