"""The development-certificate path: a self-signed certificate for localhost and the project's names."""

from __future__ import annotations

import html
import ipaddress
import re
from pathlib import Path

from tlsgui.crypto.csr import CsrFields, check_fields, parse_san_list, san_names
from tlsgui.crypto.keys import generate_key
from tlsgui.crypto.selfsigned import DEFAULT_SANS, make_selfsigned
from tlsgui.errors import TlsguiError
from tlsgui.forms.ui_wizard_development_page import Ui_WizardDevelopmentPage
from tlsgui.model.options import split_names
from tlsgui.policy.limits import MAX_LIFETIME_DAYS
from tlsgui.project.install import CERT, KEY, install_selfsigned, tls_folder
from tlsgui.wizard.background import PageTask
from tlsgui.wizard.base import WizardPage
from tlsgui.wizard.ids import PageId

DEFAULT_DAYS = 365
# (label, key type, generate_key arguments); RSA first: every 4D network layer and client takes it.
KEY_CHOICES = (
    ("RSA 2048 — works with every 4D network layer and every client", "rsa", {}),
    ("ECDSA P-256 — smaller and faster; choose RSA if old clients or 4D's legacy network layer connect",
     "ecdsa", {"curve": "p256"}),
)
ERROR_STYLE = "color: #b3261e;"
# The main window's warning banner colours (tlsgui.widgets.banner), so a warning looks the same everywhere.
WARNING_STYLE = ("QLabel { background: #fff4e5; color: #8a5300; border: 1px solid #8a5300; border-radius: 4px; "
                 "padding: 6px; }")


def default_sans(host_names: str) -> list[str]:
    """localhost, 127.0.0.1 and ::1 (what a browser on this machine uses), then the project's host names."""
    entries = list(DEFAULT_SANS)
    for name in split_names(host_names):
        try:
            ipaddress.ip_address(name)
            entry = f"IP:{name}"
        except ValueError:
            entry = f"DNS:{name}"
        if entry.lower() not in (e.lower() for e in entries):
            entries.append(entry)
    return entries


def parse_days(text: str) -> int:
    """The validity in days from the field's text; TlsguiError with words for letters, 0, negatives, too long."""
    text = text.strip()
    allowed = f"Type a whole number of days from 1 to {MAX_LIFETIME_DAYS}."
    if not text:
        raise TlsguiError("The validity is empty.", where="Valid for", fix=allowed)
    if not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise TlsguiError(f"“{text}” is not a number of days.", where="Valid for", fix=allowed)
    days = int(text)
    if days < 1:
        raise TlsguiError(f"{days} days: a certificate must be valid for at least 1 day.", where="Valid for",
                          fix=allowed)
    if days > MAX_LIFETIME_DAYS:
        raise TlsguiError(f"{days} days is too long: browsers reject server certificates valid for more than "
                          f"{MAX_LIFETIME_DAYS} days.", where="Valid for", fix=allowed)
    return days


def check_common_name(common_name: str) -> str:
    cn = common_name.strip()
    fix = "Type the server's main host name, e.g. localhost or www.example.com."
    if not cn:
        raise TlsguiError("The common name is empty.", where="Common name", fix=fix)
    try:
        check_fields(CsrFields(common_name=cn))
        san_names(CsrFields(common_name=cn))
    except TlsguiError as exc:
        # The core's words name a CLI flag; here the person needs to know which field is wrong.
        detail = exc.message if "characters" in exc.message else f"“{cn}” is not a host name or IP address."
        raise TlsguiError(detail, where="Common name", fix=fix) from None
    return cn


def check_sans(text: str, common_name: str) -> tuple[str, ...]:
    sans = parse_san_list(text.replace("\n", ","))
    try:
        san_names(CsrFields(common_name=common_name, sans=sans))
    except TlsguiError as exc:
        raise TlsguiError(exc.message, where="Names (SANs)", fix=exc.fix) from None
    return sans


def _key_task(kind: str, arguments: dict):
    def make(token, progress):
        progress(None, "Making the key…")
        return kind, generate_key(kind, **arguments)  # RSA 2048: ~0.1-0.5 s of C, off the GUI thread

    return make


class DevelopmentPage(WizardPage):
    """Final page of the development path; the key is made in the background as soon as the page shows."""

    form_class = Ui_WizardDevelopmentPage
    page_id = PageId.DEVELOPMENT

    def setup(self) -> None:
        self._keys: dict[str, object] = {}  # key type -> a fresh private key, made on the runner
        self.task = PageTask(self.context.runner, self)  # only this page's key results reach it
        self._making = ""
        self._filled = False
        self._problem = ""
        for label, kind, _arguments in KEY_CHOICES:
            self.ui.key_type_combo.addItem(label, kind)
        self.ui.problem_label.setStyleSheet(ERROR_STYLE)
        self.ui.trust_warning.setStyleSheet(WARNING_STYLE)
        self.ui.problem_label.hide()
        self.ui.common_name_edit.textChanged.connect(self._revalidate)
        self.ui.sans_edit.textChanged.connect(self._revalidate)
        self.ui.days_edit.textChanged.connect(self._revalidate)
        self.ui.key_type_combo.currentIndexChanged.connect(self._key_type_changed)
        self.task.task_finished.connect(self._key_made)
        self.task.task_failed.connect(self._key_failed)
        self.task.task_cancelled.connect(self._key_cancelled)

    # ---- what the person typed

    def key_type(self) -> str:
        return self.ui.key_type_combo.currentData()

    def inputs(self) -> tuple[str, tuple[str, ...], int]:
        """(common name, SANs, days) or TlsguiError naming the first wrong field."""
        cn = check_common_name(self.ui.common_name_edit.text())
        sans = check_sans(self.ui.sans_edit.toPlainText(), cn)
        return cn, sans, parse_days(self.ui.days_edit.text())

    def problem(self) -> str:
        """The message shown under the form ("" when every field is fine)."""
        return self._problem

    def key_ready(self) -> bool:
        return self.key_type() in self._keys

    # ---- QWizardPage

    def initializePage(self) -> None:
        if not self._filled:
            # Filled once: going Back and Next again keeps what the person typed.
            settings = self.document.settings
            names = split_names(settings.web_host_names)
            self.ui.common_name_edit.setText(names[0] if names else "localhost")
            self.ui.sans_edit.setPlainText("\n".join(default_sans(settings.web_host_names)))
            self.ui.days_edit.setText(str(DEFAULT_DAYS))
            self._filled = True
        self._show_files()
        self._revalidate()
        self._make_key()

    def nextId(self) -> int:
        return -1  # the last page of its path (QWizard would otherwise go on to the next higher id)

    def isComplete(self) -> bool:
        return not self._problem and self.key_ready()

    def finish(self) -> list[Path]:
        cn, sans, days = self.inputs()
        key = self._keys.get(self.key_type())
        if key is None:
            raise TlsguiError("The private key is still being made.", fix="Wait a moment, then press Finish again.")
        project = self.context.project_for_install()
        pem = make_selfsigned(key, cn, sans, days)
        install_selfsigned(project, key, pem)  # TlsguiError (read-only folder...) keeps the wizard open
        folder = tls_folder(project)
        return [folder / KEY, folder / CERT]

    # ---- internals

    def _revalidate(self) -> None:
        try:
            self.inputs()
        except TlsguiError as exc:
            self._problem = f"{exc.message} {exc.fix}".strip()
        else:
            self._problem = ""
        self.ui.problem_label.setText(self._problem)
        self.ui.problem_label.setVisible(bool(self._problem))
        self.completeChanged.emit()

    def _show_files(self) -> None:
        project = self.context.project_for_install()
        folder = tls_folder(project)
        existing = [name for name in (KEY, CERT) if (folder / name).is_file()]
        where = f"<b>{html.escape(str(folder))}</b>"
        if not existing:
            text = f"Finish writes key.pem and cert.pem into {where}; neither exists there yet."
        else:
            verb = "exist" if len(existing) > 1 else "exists"
            text = (f"<b>{' and '.join(existing)} {verb} now</b> in {where} and will be replaced by the new key "
                    "and certificate. A copy goes to the project's backups first (.tlsgui/backups), so it can "
                    "be restored.")
            cert = getattr(self.document.facts, "cert", None)
            if CERT in existing and cert is not None and not cert.self_signed:
                text += (f" <b>The current cert.pem was issued by {html.escape(cert.issuer)}</b> for "
                         f"{html.escape(cert.subject)}: a server using these files stops presenting it.")
        self.ui.files_label.setText(text)
        self.ui.files_label.setStyleSheet(WARNING_STYLE if existing else "")

    def _key_type_changed(self) -> None:
        self._make_key()
        self.completeChanged.emit()

    def _make_key(self) -> None:
        kind = self.key_type()
        if kind in self._keys:
            self._making = ""
            self.ui.key_status_label.setText(f"The new {self._kind_label(kind)} key is ready.")
            return
        if self._making == kind and self.task.running:
            return
        arguments = next(args for _label, k, args in KEY_CHOICES if k == kind)
        self._making = kind
        self.ui.key_status_label.setText(f"Making a new {self._kind_label(kind)} key in the background…")
        self.task.submit(_key_task(kind, arguments))

    def _key_made(self, result) -> None:
        kind, key = result
        self._keys[kind] = key
        self._making = ""
        if kind != self.key_type():
            self._make_key()  # the person switched type meanwhile
        else:
            self.ui.key_status_label.setText(f"The new {self._kind_label(kind)} key is ready.")
        self.completeChanged.emit()

    def _key_failed(self, message: str) -> None:
        self._making = ""
        self.ui.key_status_label.setText(f"The key could not be made: {message}")
        self.completeChanged.emit()

    def _key_cancelled(self) -> None:
        self._making = ""
        self.ui.key_status_label.setText("Making the key was cancelled.")
        self.completeChanged.emit()

    @staticmethod
    def _kind_label(kind: str) -> str:
        return "RSA 2048" if kind == "rsa" else "ECDSA P-256"


PAGES = (DevelopmentPage,)
