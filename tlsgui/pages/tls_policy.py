"""The TLS policy page: minimum version, profile, cipher list with its suites, and the predicted grade."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy

from tlsgui.forms.ui_tls_policy_page import Ui_TlsPolicyPage
from tlsgui.model.profiles import BY_NAME, PROFILES, profile_of
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.files import dhparams_used
from tlsgui.widgets import colours

VERSIONS = (("1.2", "TLS 1.2 (4D v19 default)"), ("1.3", "TLS 1.3"),
            ("1.1", "TLS 1.1 (obsolete)"), ("1.0", "TLS 1.0 (obsolete)"))


class TlsPolicyPage(SettingsPage):
    form_class = Ui_TlsPolicyPage

    test_requested = Signal()  # "Test TLS…": the window runs the preview + probe

    def setup(self) -> None:
        self.ui.test_button.setToolTip("Run preview servers on 127.0.0.1 with these settings and the project's "
                                       "files, and check them with real TLS clients")
        self.ui.test_button.clicked.connect(self.test_requested)
        for value, text in VERSIONS:
            self.ui.tls_min_version.addItem(text, value)
        for profile in PROFILES:
            self.ui.tls_profile.addItem(profile.label, profile.name)
        self.ui.tls_profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ui.tls_profile.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.ui.tls_profile.activated.connect(
            lambda index: self.document.apply_profile(BY_NAME[self.ui.tls_profile.itemData(index)]))
        self._analysed: str | None = None

    def read_only_widgets(self):
        return [self.ui.tls_profile]

    def refresh(self) -> None:
        s = self.document.settings
        profile = profile_of(s.tls_min_version, s.tls_cipher_list)
        self.ui.tls_profile.setCurrentIndex(self.ui.tls_profile.findData(profile.name))
        self.ui.tls_profile_description.setText(profile.description)
        if self._analysed != s.tls_cipher_list:
            self._analysed = s.tls_cipher_list
            self.ui.cipher_box.show_analysis(s.tls_cipher_list)
        analysis = self.ui.cipher_box.analysis
        self.ui.cipher_box.setEnabled(not self.document.read_only)
        self.ui.forward_secrecy_status.setText(self._forward_secrecy(s.tls_min_version, analysis))
        self.ui.dh_status.setText(self._dh_status(analysis))
        grade = self.document.grade
        trusted = f"&nbsp;&nbsp;({escape(grade.if_trusted)} if the certificate were trusted)" if grade.if_trusted else ""
        self.ui.grade_label.setText(f"<span style='font-size:20pt; font-weight:bold'>{escape(grade.grade)}</span>{trusted}")
        self.ui.grade_reasons.setText("<br>".join("• " + escape(r) for r in grade.reasons))

    @staticmethod
    def _forward_secrecy(min_version: str, analysis) -> str:
        if min_version == "1.3":
            return "Yes: TLS 1.3 only, and every TLS 1.3 suite is forward-secret."
        if analysis is None or analysis.error or not analysis.suites:
            return "Unknown: the cipher list selects no suite."
        if analysis.only_forward_secret:
            return "Yes: every suite uses ECDHE or DHE key exchange."
        if analysis.forward_secret:
            return "Partly: some suites use plain RSA key exchange, which has no forward secrecy."
        return colours.span("error", "✘ No: no suite uses ECDHE or DHE.")

    def _dh_status(self, analysis) -> str:
        facts = self.document.facts
        used = analysis is not None and dhparams_used(self.document.settings, analysis)
        if facts.dh_error:
            return colours.span("error", f"✘ dhparams.pem cannot be read: {escape(facts.dh_error)}")
        if facts.dh_bits is not None:
            return f"dhparams.pem: {facts.dh_bits} bits" + ("" if used else " (not used: no DHE suite).")
        if facts.dhparams_present:
            return "dhparams.pem is present" + (" (reading it…)" if not self.document.facts_complete else ".")
        if used:
            return "No dhparams.pem: 4D generates one at first start, which can take minutes."
        return "No dhparams.pem; not needed, as no DHE suite is enabled."
