"""The Certificates page: key.pem, cert.pem and dhparams.pem as read from disk, pending key, backups."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal

from tlsgui.acme.status import renewal_words
from tlsgui.errors import TlsguiError
from tlsgui.forms.ui_certificates_page import Ui_CertificatesPage
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.files import CERT_FILE, KEY_FILE, PRIVATE_KEY_MODE, key_too_open
from tlsgui.project.backups import list_backups
from tlsgui.widgets import colours
from tlsgui.widgets.plurals import tr

BACKUP_ROLE = Qt.ItemDataRole.UserRole  # a backups list item's backup id
PROTECT_KEY_LINK = "tlsgui:protect-key"  # the key state's "Make it private" link


class CertificatesPage(SettingsPage):
    form_class = Ui_CertificatesPage

    wizard_requested = Signal(str)  # "wizard" (the first page) or a WizardPath value
    test_requested = Signal()  # "Test TLS…": the window runs the preview + probe
    restore_requested = Signal(str)  # a backup id: the window shows what changes and asks first
    details_requested = Signal(object)  # a tlsgui.model.cert_details.CertDetails: the window shows the dialog

    def setup(self) -> None:
        ui = self.ui
        ui.web_host_names.setPlaceholderText("www.example.com, example.com")
        ui.web_certificate_folder.setPlaceholderText("empty: next to the project folder")
        for button, start, tip in (
                (ui.wizard_button, "wizard", "Request, install or import a certificate, step by step"),
                (ui.import_button, "received", "Install the certificate a CA sent you for this project's pending "
                                               "key (to bring an existing key and certificate, use the wizard's "
                                               "Import path)"),
                (ui.selfsigned_button, "development", "A self-signed certificate for localhost and this "
                                                      "project's host names (testing only)"),
                (ui.dhparams_button, "forward_secrecy", "Write dhparams.pem so DHE suites can be used")):
            button.clicked.connect(lambda _=False, s=start: self.wizard_requested.emit(s))
            button.setToolTip(tip)
        ui.refresh_button.setToolTip("Read key.pem, cert.pem and dhparams.pem again")
        ui.refresh_button.clicked.connect(self.document.refresh_facts)
        ui.test_button.setToolTip("Serve these files on 127.0.0.1 and check them with real TLS clients")
        ui.test_button.clicked.connect(self.test_requested)
        ui.details_button.setToolTip("Subject, issuer, serial number, fingerprints, key, names, usages and "
                                     "extensions of the selected certificate; copy or export it")
        ui.details_button.clicked.connect(self._details_clicked)
        ui.chain_box_layout.setAlignment(ui.details_button, Qt.AlignmentFlag.AlignLeft)
        ui.chain_view.details_requested.connect(self._details_for)
        ui.restore_button.setToolTip("Put the selected backup's files back (the current files are backed up "
                                     "first, so a restore can itself be undone)")
        ui.restore_button.clicked.connect(self._restore_clicked)
        ui.backups_list.itemSelectionChanged.connect(self._update_restore_button)
        ui.backups_list.itemActivated.connect(lambda _item: self._restore_clicked())
        self._add_devca_row()
        self._add_renewal_row()
        self.document.facts_changed.connect(self.refresh)
        ui.files_key.linkActivated.connect(self._key_link)

    def _key_link(self, link: str) -> None:
        if link != PROTECT_KEY_LINK:
            return
        try:
            self.document.protect_key()
        except TlsguiError as exc:
            self.ui.files_key.setText(colours.span("error", f"✘ {escape(str(exc))}"))

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
            ui.files_cert.setText(colours.span("error", "✘ " + escape(facts.cert_error)))
        elif cert is None:
            ui.files_cert.setText(("present" + reading) if facts.cert_present else "missing")
        else:
            match = {True: "matches key.pem", False: "<b>does not match key.pem</b>", None: "no key.pem to compare"}
            kind = "self-signed" if cert.self_signed else "issued by a CA"
            ui.files_cert.setText(f"present, {kind}, {match[cert.matches_key]}")
        ui.cert_subject.setText(escape(cert.subject) if cert else "—")
        ui.cert_names.setText(escape(", ".join(cert.names)) if cert and cert.names else "—")
        ui.cert_issuer.setText(escape(cert.issuer) if cert else "—")
        ui.cert_chain.setText(tr("%n certificate(s) in cert.pem", cert.chain_length) if cert else "—")
        ui.chain_view.set_chain(facts.chain, now)
        ui.chain_view.setVisible(bool(facts.chain))
        ui.details_button.setVisible(bool(facts.chain))
        self.cert_devca.setText(self._devca_words(Path(facts.tls_folder) / CERT_FILE, cert is not None))
        self.cert_renewal.setText(renewal_words(self.document.project.paths, cert.not_before if cert else None,
                                                cert.not_after if cert else None))
        ui.cert_key_type.setText(f"{cert.key_type} {cert.key_bits} bits, signed with {cert.signature_hash or '?'}"
                                 if cert else "—")
        ui.cert_validity.set_validity(cert.not_before if cert else None, cert.not_after if cert else None, now)
        ui.cert_validity.setVisible(cert is not None)
        if facts.dh_error:
            ui.files_dhparams.setText(colours.span("error", "✘ " + escape(facts.dh_error)))
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
        label = QLabel("Development CA", self.ui.files_group)
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
        grid.addWidget(QLabel("Renewal", self.ui.files_group), row, 0, 1, 1)
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
            words = colours.span("error", "✘ " + escape(state.problem))
        elif not state.ca_name:
            words = "none on this computer (the development certificate path of the wizard can make one)"
        else:
            trusted = (f"this computer trusts it ({escape('; '.join(state.trusted_in))})" if state.trusted else
                       "<b>this computer does not trust it</b> (Development Certificate… with “Trust on this "
                       "computer” trusts it again)")
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
        if key_too_open(mode):
            return ("present, " + colours.span("error", f"⚠ mode {mode:04o}: other users have access to the "
                                                          "private key") +
                    f" <a href='{PROTECT_KEY_LINK}'>Make it private</a> (mode {PRIVATE_KEY_MODE:04o})")
        return f"present, mode {mode:04o} (only you can read it)"

    def _show_pending_and_backups(self) -> None:
        paths = self.document.project.paths
        pending = sorted(p.name for p in paths.pending_dir.glob("*")) if paths.pending_dir.is_dir() else []
        self.ui.pending_key.setText(", ".join(pending) + " (kept until its certificate is installed)"
                                    if pending else "none")
        self.ui.backups_list.clear()
        # As `tlsgui backups` does: the project's backups and those beside a certificate folder outside it.
        for backup in list_backups(paths, [Path(self.document.facts.tls_folder)]):
            files = ", ".join(f.original.name for f in backup.files)
            problem = f" (cannot be restored: {backup.problem})" if backup.problem else ""
            self.ui.backups_list.addItem(f"{backup.created} — {backup.reason}: {files}{problem}")
            if not backup.problem:
                self.ui.backups_list.item(self.ui.backups_list.count() - 1).setData(BACKUP_ROLE, backup.id)
        if not self.ui.backups_list.count():
            self.ui.backups_list.addItem("No backups yet: one is made before any file is replaced.")
        self._update_restore_button()

    # --- chain and backups ----------------------------------------------------------------------
    def selected_backup(self) -> str:
        item = self.ui.backups_list.currentItem()
        return (item.data(BACKUP_ROLE) or "") if item is not None else ""

    def _update_restore_button(self) -> None:
        self.ui.restore_button.setEnabled(bool(self.selected_backup()))

    def _restore_clicked(self) -> None:
        if self.selected_backup():
            self.restore_requested.emit(self.selected_backup())

    def _details_clicked(self) -> None:
        self._details_for(self.ui.chain_view.current_index())

    def _details_for(self, index: int) -> None:
        chain = self.document.facts.chain
        if 0 <= index < len(chain):
            self.details_requested.emit(chain[index])
