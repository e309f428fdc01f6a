"""GUI test fixtures: offscreen window on a real demo project, a temp QSettings, recorded prompts, real certs."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tlsgui.widgets.prompts import DISCARD, Prompts
from tlsgui.windows.ui_state import UiState

# tests/conftest.py is shadowed by this file as module "conftest"; its helpers are re-exported here.
_spec = importlib.util.spec_from_file_location("tlsgui_root_conftest", Path(__file__).parent.parent / "conftest.py")
_root = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_root)
tree_bytes, make_project, run_cli = _root.tree_bytes, _root.make_project, _root.run_cli


# Platform noise of the offscreen plugin, not a problem in tlsgui.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items):
    # A Qt warning fails a GUI test (qutebrowser's qt_log_level_fail), except known platform noise.
    for item in items:
        if "tests/gui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def temp_qsettings(tmp_path):
    """Any QSettings() made during a test lands in a temporary folder, never the developer's own."""
    folder = tmp_path / "qsettings"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    yield folder


@pytest.fixture
def ui_state(tmp_path) -> UiState:
    return UiState(QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat))


class RecordingPrompts(Prompts):
    """Answers from a queue (DISCARD when empty) and records every message instead of showing a dialog."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.asked: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.folder: str | None = None
        self.confirm_answers: list[bool] = []
        self.confirmed: list[str] = []
        # Canned answers for the file and password dialogs (None, like Cancel, when the queue is empty).
        self.open_answers: list[str | None] = []
        self.save_answers: list[str | None] = []
        self.password_answers: list[bytes | None] = []
        self.opened: list[str] = []  # titles of the file dialogs shown
        self.saved: list[str] = []  # suggested names of the save dialogs shown
        self.passwords_asked: list[str] = []  # texts of the password prompts shown
        self.locations: list[str] = []  # folders, files and web pages "opened" in another application
        self.abouts: list[str] = []  # texts of About boxes shown

    def ask_unsaved(self, parent, name):
        self.asked.append(name)
        return self.answers.pop(0) if self.answers else DISCARD

    def confirm(self, parent, title, text):
        self.confirmed.append(text)
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def error(self, parent, title, text):
        self.errors.append((title, text))

    def info(self, parent, title, text):
        self.infos.append((title, text))

    def choose_folder(self, parent, start):
        return self.folder

    def open_file(self, parent, title, filters):
        self.opened.append(title)
        return self.open_answers.pop(0) if self.open_answers else None

    def save_file(self, parent, title, suggested_name, filters):
        self.saved.append(suggested_name)
        return self.save_answers.pop(0) if self.save_answers else None

    def open_location(self, parent, path):
        self.locations.append(path)
        return True

    def about(self, parent, title, text):
        self.abouts.append(text)

    def ask_password(self, parent, title, text):
        self.passwords_asked.append(text)
        return self.password_answers.pop(0) if self.password_answers else None


@pytest.fixture
def prompts() -> RecordingPrompts:
    return RecordingPrompts()


@pytest.fixture
def open_window(qtbot, ui_state, prompts):
    """open_window(path) -> a shown MainWindow on that project, closed at the end of the test."""
    from tlsgui.app import open_main_window

    def opener(path):
        window = open_main_window(str(path), ui_state, prompts)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return opener


@pytest.fixture
def window(open_window, demo):
    return open_window(demo)


@pytest.fixture(scope="session")
def rsa_key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def write_cert(folder: Path, key, names=("shop.example.com", "www.shop.example.com"), days=90) -> Path:
    """A real self-signed certificate and its key as key.pem/cert.pem in `folder`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                        serialization.PrivateFormat.PKCS8,
                                                        serialization.NoEncryption()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return folder / "cert.pem"


@contextmanager
def read_only_tree(*folders: Path):
    """Make folders unwritable for real: chmod for a normal user; root ignores modes, so chattr +i then."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", *map(str, folders)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", *map(str, folders)], check=True)
    else:
        modes = {f: f.stat().st_mode for f in folders}
        for folder in folders:
            folder.chmod(0o555)
        try:
            yield
        finally:
            for folder, mode in modes.items():
                folder.chmod(mode)


def drop(widget, path: Path) -> None:
    """Drop a local file on `widget` by calling its drag overrides the way Qt would (Qt delivers drag
    events only during a real drag, which offscreen tests cannot make)."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    rest = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:
        enter, dropped = QDragEnterEvent(QPointF(10, 10), *rest), QDropEvent(QPointF(10, 10), *rest)
    except TypeError:  # PySide6 before 6.12 takes a QPoint for the enter event
        from PySide6.QtCore import QPoint

        enter, dropped = QDragEnterEvent(QPoint(10, 10), *rest), QDropEvent(QPointF(10, 10), *rest)
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    widget.dropEvent(dropped)
