"""The development-certificate path: self-signed, or issued by this computer's development CA and trusted here."""

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
from tlsgui.policy import devca as devca_rules
from tlsgui.policy.limits import MAX_LIFETIME_DAYS
from tlsgui.project.devca_status import devca_state, trust_plan_words
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


def parse_days(text: str, max_days: int = MAX_LIFETIME_DAYS) -> int:
    """The validity in days from the field's text; TlsguiError with words for letters, 0, negatives, too long."""
    text = text.strip()
    allowed = f"Type a whole number of days from 1 to {max_days}."
    if not text:
        raise TlsguiError("The validity is empty.", where="Valid for", fix=allowed)
    if not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise TlsguiError(f"“{text}” is not a number of days.", where="Valid for", fix=allowed)
    days = int(text)
    if days < 1:
        raise TlsguiError(f"{days} days: a certificate must be valid for at least 1 day.", where="Valid for",
                          fix=allowed)
    if days > max_days:
        why = (f"browsers reject server certificates valid for more than {MAX_LIFETIME_DAYS} days"
               if max_days == MAX_LIFETIME_DAYS else
               f"the development CA issues certificates for at most {max_days} days (renewing is one click)")
        raise TlsguiError(f"{days} days is too long: {why}.", where="Valid for", fix=allowed)
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
        self._add_trust_widgets()
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
        if not self.trust_wanted():
            return cn, sans, parse_days(self.ui.days_edit.text())
        for name in (cn, *(entry.split(":", 1)[-1] for entry in sans)):
            reason = devca_rules.why_not_development(name)
            if reason:
                raise TlsguiError(reason, where="Names", fix="Remove it, or clear “Trust on this computer” to make "
                                                             "a self-signed certificate.")
        return cn, sans, parse_days(self.ui.days_edit.text(), devca_rules.MAX_LEAF_DAYS)

    def trust_wanted(self) -> bool:
        """“Trust on this computer”: issue from the development CA (made if needed) and trust it here."""
        return self.trust_check.isChecked()

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
            self._devca = devca_state()
            # With a CA already here, the certificate comes from it, as `tlsgui selfsigned` does.
            self.trust_check.setChecked(bool(self._devca.ca_name))
            self.ui.days_edit.setText(str(devca_rules.DEFAULT_LEAF_DAYS if self.trust_wanted() else DEFAULT_DAYS))
            self._filled = True
        self._show_trust()
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
        if self.trust_wanted():
            pem = self._issue_and_trust(key, cn, sans, days)
        else:
            pem = make_selfsigned(key, cn, sans, days)
        install_selfsigned(project, key, pem)  # TlsguiError (read-only folder...) keeps the wizard open
        folder = tls_folder(project)
        return [folder / KEY, folder / CERT]

    # ---- internals

    def _add_trust_widgets(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QCheckBox, QLabel

        self._devca = None
        self.trust_check = QCheckBox("Trust on this computer", self)
        self.trust_check.setObjectName("trust_check")
        self.trust_plan = QLabel(self)
        self.trust_plan.setObjectName("trust_plan")
        self.trust_plan.setWordWrap(True)
        self.trust_plan.setTextFormat(Qt.TextFormat.RichText)
        layout = self.ui.development_layout
        layout.insertWidget(layout.indexOf(self.ui.trust_warning) + 1, self.trust_check)
        layout.insertWidget(layout.indexOf(self.trust_check) + 1, self.trust_plan)
        self.trust_check.toggled.connect(self._trust_toggled)

    def _trust_toggled(self, checked: bool) -> None:
        days = self.ui.days_edit.text().strip()
        if checked and days == str(DEFAULT_DAYS):
            self.ui.days_edit.setText(str(devca_rules.DEFAULT_LEAF_DAYS))
        elif not checked and days == str(devca_rules.DEFAULT_LEAF_DAYS):
            self.ui.days_edit.setText(str(DEFAULT_DAYS))
        self._show_trust()
        self._revalidate()

    def _show_trust(self) -> None:
        state = self._devca
        self.ui.trust_warning.setVisible(not self.trust_wanted())
        self.trust_plan.setVisible(self.trust_wanted())
        text = trust_plan_words()
        if state is not None and state.problem:
            text = f"<b>The development CA cannot be used:</b> {html.escape(state.problem)}"
        elif state is not None and state.ca_name:
            where = "; ".join(state.trusted_in) or "no trust store yet"
            text = (f"Issued by this computer's development CA <b>{html.escape(state.ca_name)}</b> (trusted in: "
                    f"{html.escape(where)}). {text}")
        self.trust_plan.setText(text)

    def _issue_and_trust(self, key, cn: str, sans: tuple[str, ...], days: int) -> bytes:
        """Make the CA if there is none, trust it in this user's stores, then issue; TlsguiError keeps the
        wizard open (trust stores are all-or-nothing, and nothing is written into the project yet)."""
        from tlsgui.crypto.devca import issue_leaf
        from tlsgui.project.devca_folder import CA_CERT, create_ca, devca_folder, load_devca
        from tlsgui.project.trust_stores import platform_stores, trust

        ca = load_devca() or create_ca()
        trust(ca, platform_stores(devca_folder() / CA_CERT))
        self._devca = devca_state()
        return issue_leaf(ca, key, cn, sans, days)

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
