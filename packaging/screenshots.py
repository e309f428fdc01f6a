"""Screenshots of every page of the demo project at 1280×800 into docs/screenshots/<page>.png, and of the
certificate wizard's pages at its default size into docs/screenshots/wizard_<page>.png.

Run under a real X server:  xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py
(`--wizard` for the wizard pages only; `--pages` for the window only; `--dark` for a dark palette, files named
`*_dark.png`; `--size 800x600` for another window size; `--out DIR` to write elsewhere than docs/screenshots). The demo gets HTTPS and HSTS enabled through the CLI and a
development certificate made with the `openssl` command line, so the pages show a configured project
rather than an empty one; the wizard's request is signed by a throwaway openssl CA (root → intermediate).
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


def openssl(*args, cwd: Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, cwd=cwd)


def make_ca(folder: Path) -> None:
    """root.pem/root.key and int.pem/int.key: a two-level CA, as public CAs issue from an intermediate."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    (folder / "ca.ext").write_text("basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n")
    openssl("req", "-x509", *ec, "-days", "3650", "-subj", "/O=Example Trust/CN=Example Root CA",
            "-addext", "basicConstraints=critical,CA:true", "-keyout", "root.key", "-out", "root.pem", cwd=folder)
    openssl("req", *ec, "-subj", "/O=Example Trust/CN=Example TLS CA 1", "-keyout", "int.key", "-out", "int.csr",
            cwd=folder)
    openssl("x509", "-req", "-in", "int.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
            "-days", "3650", "-extfile", "ca.ext", "-out", "int.pem", cwd=folder)


def sign_request(folder: Path, csr: Path) -> bytes:
    """What the CA sends back: the certificate for the request's names, then the intermediate."""
    (folder / "leaf.ext").write_text("basicConstraints=critical,CA:false\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", csr, "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial", "-days", "90",
            "-copy_extensions", "copy", "-extfile", "leaf.ext", "-out", "leaf.pem", cwd=folder)
    return (folder / "leaf.pem").read_bytes() + (folder / "int.pem").read_bytes()


def wizard_shots(app, window, folder: Path) -> list[Path]:
    """Walk the request, received and import paths of the wizard, grabbing each page as a person sees it."""
    from PySide6.QtCore import QDeadlineTimer

    from tlsgui.wizard.ids import PageId

    shots = []

    def settle(condition=lambda: True, seconds: float = 30) -> None:
        deadline = QDeadlineTimer(int(seconds * 1000))
        while True:
            app.processEvents()
            if condition() or deadline.hasExpired():
                break
        for _ in range(10):
            app.processEvents()

    def grab(wizard, name: str) -> None:
        settle()
        target = OUT / f"wizard_{name}.png"
        if not wizard.grab().save(str(target)):
            raise SystemExit(f"could not write {target}")
        shots.append(target)

    def grab_now(wizard, name: str) -> None:
        target = OUT / f"wizard_{name}.png"
        if not wizard.grab().save(str(target)):
            raise SystemExit(f"could not write {target}")
        shots.append(target)

    def step(wizard) -> None:
        settle(wizard.currentPage().isComplete)
        wizard.next()

    window.open_wizard()
    grab(window.wizard, "choose")
    window.wizard.reject()

    # The busy state: a 4096-bit key takes long enough to be seen generating; then Cancel.
    window.open_wizard("request")
    wizard = window.wizard
    wizard.currentPage().choose("key_rsa4096")
    step(wizard)
    step(wizard)
    for _ in range(30):
        app.processEvents()
    if wizard.context.runner.running:
        grab_now(wizard, "request_review_busy")
    wizard.currentPage().cancel_generation()  # what its Cancel button does; then closing asks nothing
    wizard.reject()

    # Two host names, so the subject page shows its SAN prefill (the edit is undone below).
    window.document.push_setting("web.host_names", "shop.example.com, www.shop.example.com")
    window.open_wizard("request")
    wizard = window.wizard
    grab(wizard, "request_key")
    step(wizard)
    wizard.currentPage().fill(country="FR", locality="Paris", organization="Demo Shop SARL",
                              email="admin@shop.example.com")
    grab(wizard, "request_subject")
    step(wizard)
    settle(wizard.currentPage().isComplete)
    grab(wizard, "request_review")
    step(wizard)
    grab(wizard, "request_done")
    csr = wizard.currentPage().review.pending.csr_path
    wizard.accept()
    window.document.undo_stack.undo()

    make_ca(folder)
    answer = sign_request(folder, csr)
    window.open_wizard("received")
    wizard = window.wizard
    source = wizard.page_by_id(PageId.RECEIVED_SOURCE)
    source.paste_text("-----BEGIN CERTIFICATE REQUEST-----\nMIIC...\n-----END CERTIFICATE REQUEST-----\n")
    settle(lambda: not source.task.running)
    grab(wizard, "received_source_error")
    source.paste_text("Hello, here is your certificate and its chain:\n\n" + answer.decode() + "\nRegards, the CA\n")
    settle(source.isComplete)
    grab(wizard, "received_source")
    step(wizard)
    grab(wizard, "received_checks")
    wizard.reject()  # keep the demo's own pair for the import path below

    window.open_wizard("import")
    wizard = window.wizard
    root = window.document.root
    wizard.currentPage().use_files(root / "cert.pem", root / "key.pem")
    settle(wizard.currentPage().isComplete)
    grab(wizard, "import_files")
    step(wizard)
    grab(wizard, "import_checks")
    wizard.reject()
    return shots


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
    print(target)
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


def dark_palette():
    """A dark palette as a desktop's dark theme gives one (Fusion style), to look at contrast and glare."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1e1e1e"),
                         ("AlternateBase", "#262626"), ("Text", "#e6e6e6"), ("Button", "#353535"),
                         ("ButtonText", "#e6e6e6"), ("Highlight", "#3d6fb4"), ("HighlightedText", "#ffffff"),
                         ("ToolTipBase", "#3a3a3a"), ("ToolTipText", "#e6e6e6"), ("Mid", "#555555"),
                         ("PlaceholderText", "#9a9a9a"), ("Light", "#4a4a4a"), ("Dark", "#1a1a1a")):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("WindowText", "Text", "ButtonText"):  # disabled actions must look disabled
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor("#7a7a7a"))
    return palette


def extra_shots(app, window, suffix: str) -> None:
    """The Test TLS window with nothing to test (the fresh demo's case), and a certificate's details."""
    from PySide6.QtWidgets import QApplication

    document = window.document
    for key in ("web.https_enabled",):
        document.push_setting(key, False)
    window.test_tls()
    _settle(app, 300)
    _save(window.test_dialog, f"test_nothing{suffix}.png")
    window.test_dialog.hide()
    document.undo_stack.undo()
    window.test_tls()
    deadline = 0
    while window.test_dialog.running and deadline < 600:
        _settle(app, 50)
        deadline += 1
    _settle(app, 200)
    _save(window.test_dialog, f"test_report{suffix}.png")
    window.test_dialog.hide()
    window.show_page("certificates")
    QApplication.processEvents()
    chain = document.facts.chain
    if chain:
        window.show_certificate(chain[0])
        _settle(app, 300)
        _save(window.certificate_dialog, f"certificate_details{suffix}.png")
        window.certificate_dialog.reject()


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tlsgui.app import create_app, open_main_window
    from tlsgui.pages.registry import PAGES
    from tlsgui.windows.ui_state import UiState

    global OUT
    args = sys.argv[1:]
    if "--out" in args:  # look at other sizes and palettes without touching docs/screenshots
        OUT = Path(args[args.index("--out") + 1]).resolve()
    width, height = 1280, 800
    if "--size" in args:
        width, height = map(int, args[args.index("--size") + 1].split("x"))
    suffix = "_dark" if "--dark" in args else ""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        project = prepare(Path(tmp))
        app = create_app()
        if "--dark" in args:
            app.setStyle("Fusion")
            app.setPalette(dark_palette())
        state = UiState(QSettings(str(Path(tmp) / "ui.ini"), QSettings.Format.IniFormat))
        window = open_main_window(str(project), ui_state=state)
        window.resize(width, height)
        window.show()
        for _ in range(20):
            app.processEvents()
        window.document.refresh_facts()
        # The pages first: the wizard's request path leaves a pending key the Certificates page would show.
        for info in ([] if "--wizard" in args else PAGES):
            window.show_page(info.name)
            for _ in range(10):
                QApplication.processEvents()
            target = OUT / f"{info.name}{suffix}.png"
            if not window.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return 1
            print(target)
        if "--wizard" not in args:
            extra_shots(app, window, suffix)
        if "--pages" in args:
            window.document.undo_stack.clear()
            window.close()
            return 0
        for path in wizard_shots(app, window, Path(tmp)):
            print(path)
        if not wizard_development_and_dh(window, app):
            return 1
        window.document.undo_stack.clear()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
