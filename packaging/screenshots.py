"""Screenshots of every page of the demo project at 1280×800 into docs/screenshots/<page>.png.

Run under a real X server:  xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py
The demo gets HTTPS and HSTS enabled through the CLI and a development certificate made with the
`openssl` command line, so the pages show a configured project rather than an empty one.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def prepare(folder: Path) -> Path:
    from tlsgui.project.demo import write_demo

    project = write_demo(folder / "DemoShop")
    run = [sys.executable, "-m", "tlsgui", "settings", str(project), "set",
           "web.https_enabled=true", "web.hsts_enabled=true", "web.host_names=shop.example.com"]
    subprocess.run(run, check=True, capture_output=True, cwd=ROOT)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "90",
                    "-subj", "/CN=shop.example.com", "-addext", "subjectAltName=DNS:shop.example.com",
                    "-keyout", str(project / "key.pem"), "-out", str(project / "cert.pem")],
                   check=True, capture_output=True)
    return project


def _settle(app, ms: int) -> None:
    from PySide6.QtCore import QElapsedTimer

    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < ms:
        app.processEvents()


def _save(widget, name: str) -> bool:
    target = OUT / name
    if not widget.grab().save(str(target)):
        print(f"could not write {target}", file=sys.stderr)
        return False
    print(target.relative_to(ROOT))
    return True


def wizard_development_and_dh(window, app) -> bool:
    """The development-certificate page, and the forward-secrecy page at rest and while generating."""
    window.open_wizard("development")
    wizard, page = window.wizard, window.wizard.currentPage()
    while not page.key_ready():
        _settle(app, 50)
    _settle(app, 300)
    ok = _save(wizard, "wizard_development.png")
    wizard.reject()
    window.open_wizard("forward_secrecy")
    wizard, page = window.wizard, window.wizard.currentPage()
    _settle(app, 300)
    ok = _save(wizard, "wizard_forward_secrecy.png") and ok
    page.choose_custom()
    page.ui.bits_combo.setCurrentIndex(page.ui.bits_combo.count() - 1)
    page.generate()  # 4096 bits: still running when the picture is taken, then cancelled
    _settle(app, 2200)
    if not page.generating():
        print("the generation ended before the picture", file=sys.stderr)
    ok = _save(wizard, "wizard_forward_secrecy_generating.png") and ok
    page.job.cancel()
    wizard.reject()
    return ok


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tlsgui.app import create_app, open_main_window
    from tlsgui.pages.registry import PAGES
    from tlsgui.windows.ui_state import UiState

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        project = prepare(Path(tmp))
        app = create_app()
        state = UiState(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = open_main_window(str(project), ui_state=state)
        window.resize(1280, 800)
        window.show()
        for _ in range(20):
            app.processEvents()
        window.document.refresh_facts()
        for info in PAGES:
            window.show_page(info.name)
            for _ in range(10):
                QApplication.processEvents()
            target = OUT / f"{info.name}.png"
            if not window.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return 1
            print(target.relative_to(ROOT))
        if not wizard_development_and_dh(window, app):
            return 1
        window.document.undo_stack.clear()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
