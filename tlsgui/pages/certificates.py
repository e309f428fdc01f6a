"""The Certificates page: key.pem, cert.pem and dhparams.pem as read from disk, pending key, backups."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Signal

from tlsgui.acme.status import renewal_words
from tlsgui.forms.ui_certificates_page import Ui_CertificatesPage
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.files import CERT_FILE, KEY_FILE
from tlsgui.project.backups import list_backups


class CertificatesPage(SettingsPage):
    name = "certificates"
    title = "Certificates"
    icon_name = "certificate"
    form_class = Ui_CertificatesPage
    KEYS = ("web.host_names", "web.certificate_folder")
    TARGETS = ("files.key", "files.cert", "files.dhparams")

    wizard_requested = Signal(str)  # "wizard" (the first page) or a WizardPath value
    test_requested = Signal()  # "Test TLS…": the window runs the preview + probe

    def setup(self) -> None:
        ui = self.ui
        ui.web_host_names.setPlaceholderText("www.example.com, example.com")
        ui.web_certificate_folder.setPlaceholderText("empty: next to the project folder")
        for button, start, tip in (
                (ui.wizard_button, "wizard", "Request, install or import a certificate, step by step"),
                (ui.import_button, "received", "Install the certificate a CA sent, or import an existing one"),
                (ui.selfsigned_button, "development", "A self-signed certificate for localhost and this "
                                                      "project's host names (testing only)"),
                (ui.dhparams_button, "forward_secrecy", "Write dhparams.pem so DHE suites can be used")):
            button.clicked.connect(lambda _=False, s=start: self.wizard_requested.emit(s))
            button.setToolTip(tip)
        ui.refresh_button.setToolTip("Read key.pem, cert.pem and dhparams.pem again")
        ui.refresh_button.clicked.connect(self.document.refresh_facts)
        ui.test_button.setToolTip("Serve these files on 127.0.0.1 and check them with real TLS clients")
        ui.test_button.clicked.connect(self.test_requested)
        self._add_devca_row()
        self._add_renewal_row()
        self.document.facts_changed.connect(self.refresh)

    def read_only_widgets(self):
        ui = self.ui
        return [ui.wizard_button, ui.import_button, ui.selfsigned_button, ui.dhparams_button]

    def refresh(self) -> None:
        ui, facts, now = self.ui, self.document.facts, self.document.facts.now
        ui.tls_folder_note.setText(f"key.pem, cert.pem and dhparams.pem are read from <b>{escape(facts.tls_folder)}</b>")
        reading = "" if self.document.facts_complete else " (reading…)"
        ui.files_key.setText(self._key_state(facts))
        cert = facts.cert
        if facts.cert_error:
            ui.files_cert.setText(f"<span style='color:#b3261e'>{escape(facts.cert_error)}</span>")
        elif cert is None:
            ui.files_cert.setText(("present" + reading) if facts.cert_present else "missing")
        else:
            match = {True: "matches key.pem", False: "<b>does not match key.pem</b>", None: "no key.pem to compare"}
            kind = "self-signed" if cert.self_signed else "issued by a CA"
            ui.files_cert.setText(f"present, {kind}, {match[cert.matches_key]}")
        ui.cert_subject.setText(escape(cert.subject) if cert else "—")
        ui.cert_names.setText(escape(", ".join(cert.names)) if cert and cert.names else "—")
        ui.cert_issuer.setText(escape(cert.issuer) if cert else "—")
        ui.cert_chain.setText(f"{cert.chain_length} certificate(s) in cert.pem" if cert else "—")
        self.cert_devca.setText(self._devca_words(Path(facts.tls_folder) / CERT_FILE, cert is not None))
        self.cert_renewal.setText(renewal_words(self.document.project.paths, cert.not_before if cert else None,
                                                cert.not_after if cert else None))
        ui.cert_key_type.setText(f"{cert.key_type} {cert.key_bits} bits, signed with {cert.signature_hash or '?'}"
                                 if cert else "—")
        ui.cert_validity.set_validity(cert.not_before if cert else None, cert.not_after if cert else None, now)
        ui.cert_validity.setVisible(cert is not None)
        if facts.dh_error:
            ui.files_dhparams.setText(f"<span style='color:#b3261e'>{escape(facts.dh_error)}</span>")
        elif facts.dh_bits is not None:
            ui.files_dhparams.setText(f"present, {facts.dh_bits} bits")
        else:
            ui.files_dhparams.setText(("present" + reading) if facts.dhparams_present else "missing (optional)")
        self._show_pending_and_backups()

    def _add_devca_row(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        grid = self.ui.files_group_grid
        row = grid.rowCount()
        label = QLabel("Development CA:", self.ui.files_group)
        self.cert_devca = QLabel("—", self.ui.files_group)
        self.cert_devca.setObjectName("cert_devca")
        self.cert_devca.setWordWrap(True)
        self.cert_devca.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(label, row, 0, 1, 1)
        grid.addWidget(self.cert_devca, row, 1, 1, 2)
        self._devca_cache: tuple = ((), "")

    def _add_renewal_row(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        grid = self.ui.files_group_grid
        row = grid.rowCount()
        self.cert_renewal = QLabel("—", self.ui.files_group, objectName="cert_renewal", wordWrap=True,
                                   textFormat=Qt.TextFormat.PlainText)
        grid.addWidget(QLabel("Renewal:", self.ui.files_group), row, 0, 1, 1)
        grid.addWidget(self.cert_renewal, row, 1, 1, 2)

    def _devca_words(self, cert_path: Path, have_cert: bool) -> str:
        """Whether cert.pem comes from this computer's development CA and whether this computer trusts it.
        Asked again only when cert.pem, the CA or the NSS database changed (certutil costs ~20 ms)."""
        from tlsgui.project.devca_folder import CA_CERT, devca_folder
        from tlsgui.project.trust_stores import default_nss_db

        stamp = tuple(self._mtime(p) for p in (cert_path, devca_folder() / CA_CERT, default_nss_db() / "cert9.db"))
        if self._devca_cache[0] == stamp:
            return self._devca_cache[1]
        from tlsgui.project.devca_status import devca_state

        state = devca_state(cert_path if have_cert else None)
        if state.problem:
            words = f"<span style='color:#b3261e'>{escape(state.problem)}</span>"
        elif not state.ca_name:
            words = "none on this computer (the development certificate path of the wizard can make one)"
        else:
            trusted = (f"this computer trusts it ({escape('; '.join(state.trusted_in))})" if state.trusted else
                       "<b>this computer does not trust it</b> (tlsgui devca trust)")
            issued = {True: "cert.pem is issued by it", False: "cert.pem is not issued by it",
                      None: "no certificate to compare"}[state.issued_by_ca]
            words = f"{escape(state.ca_name)}: {issued}; {trusted}"
        self._devca_cache = (stamp, words)
        return words

    @staticmethod
    def _mtime(path: Path) -> float:
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return 0

    @staticmethod
    def _key_state(facts) -> str:
        if not facts.key_present:
            return "missing"
        key = Path(facts.tls_folder) / KEY_FILE
        try:
            mode = key.stat().st_mode & 0o777
        except OSError as exc:
            return f"present, but cannot be read ({escape(exc.strerror or str(exc))})"
        if mode & 0o077:
            return (f"present, <span style='color:#b3261e'>mode {mode:04o}: other users can read the private "
                    "key</span> (chmod 600 key.pem)")
        return f"present, mode {mode:04o} (only you can read it)"

    def _show_pending_and_backups(self) -> None:
        paths = self.document.project.paths
        pending = sorted(p.name for p in paths.pending_dir.glob("*")) if paths.pending_dir.is_dir() else []
        self.ui.pending_key.setText(", ".join(pending) + " (kept until its certificate is installed)"
                                    if pending else "none")
        self.ui.backups_list.clear()
        for backup in list_backups(paths):
            files = ", ".join(f.original.name for f in backup.files)
            self.ui.backups_list.addItem(f"{backup.created} — {backup.reason}: {files}")
        if not self.ui.backups_list.count():
            self.ui.backups_list.addItem("No backups yet: one is made before any file is replaced.")
