"""The TLS policy page: minimum version, profile, cipher list with its suites, and the predicted grade."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy

from tlsgui.forms.ui_tls_policy_page import Ui_TlsPolicyPage
from tlsgui.model.options import BY_KEY
from tlsgui.model.profiles import BY_NAME, PROFILES, profile_of
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.files import dhparams_used
from tlsgui.policy.limits import min_version_order, tls_version_label
from tlsgui.widgets import colours

# The declared choices, in the order and with the words of the policy (obsolete ones last, marked).
VERSIONS = tuple((v, tls_version_label(v)) for v in min_version_order(BY_KEY["tls.min_version"].choices))


class TlsPolicyPage(SettingsPage):
    form_class = Ui_TlsPolicyPage

    test_requested = Signal()  # "Test TLS…": the window runs the preview + probe

    def setup(self) -> None:
        self.ui.test_button.setToolTip("Run preview servers on 127.0.0.1 with these settings and the project's "
                                       "files, and check them with real TLS clients")
        self.ui.test_button.clicked.connect(self.test_requested)
        self.ui.wire_startup_button.setToolTip(
            "Insert a call to TLS_ApplySettings into Project/Sources/DatabaseMethods/onStartup.4dm and "
            "onServerStartup.4dm (the files are backed up first; nothing else in them changes)")
        self.ui.wire_startup_button.clicked.connect(self.wire_startup)
        for value, text in VERSIONS:
            self.ui.tls_min_version.addItem(text, value)
        self.ui.project_4d_version.addItem("From the project file", "")
        from tlsgui.policy.versions import RELEASES

        for release in map(str, RELEASES):  # any other one typed in the sidecar or CLI is added when shown
            self.ui.project_4d_version.addItem(f"4D {release}", release)
        for profile in PROFILES:
            self.ui.tls_profile.addItem(profile.label, profile.name)
        self.ui.tls_profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.ui.tls_profile.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.ui.tls_profile.activated.connect(
            lambda index: self.document.apply_profile(BY_NAME[self.ui.tls_profile.itemData(index)]))
        self._analysed: str | None = None

    def read_only_widgets(self):
        return [self.ui.tls_profile, self.ui.wire_startup_button]

    def wire_startup(self) -> None:
        """The button: insert the call, then show what was written (or why nothing was)."""
        from tlsgui.errors import TlsguiError

        try:
            written = self.document.wire_startup()
        except TlsguiError as exc:
            self.ui.files_startup.setText(colours.span("error", f"✘ {escape(str(exc))}"))
            return
        self.refresh()
        if written:
            names = ", ".join(escape(p.rsplit("/", 1)[-1]) for p in written)
            self.ui.files_startup.setText(self.ui.files_startup.text() + f"<br>Wrote {names} (backup first).")

    def refresh(self) -> None:
        s = self.document.settings
        self._show_version()
        self._show_startup()
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

    def _show_version(self) -> None:
        """The 4D version with where it comes from, and the minimum-TLS labels of that release."""
        from tlsgui.policy.versions import default_min_tls, default_min_tls_label
        from tlsgui.project.version import SETTING

        combo = self.ui.project_4d_version
        chosen = self.document.settings.project_4d_version
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(f"4D {chosen}", chosen)
            combo.setCurrentIndex(combo.findData(chosen))
        hint = self.document.project.version_hint
        combo.setItemText(0, f"From the project file ({hint.release})" if hint.release else
                          "From the project file (not stated)")
        version = self.document.version
        if version.source == SETTING:
            status = f"Checks follow 4D {version.release}, as set here (stored in tls-settings.json)."
        elif version.release is not None:
            status = f"Checks follow 4D {version.release}, from the project file ({escape(version.detail)})."
        else:
            status = (f"The project file does not say which 4D runs it: checks assume 4D {version.effective}. "
                      "Choose the 4D version above.")
        if hint.notice and version.source != SETTING:
            status += "<br>" + escape(hint.notice)
        self.ui.project_4d_version_status.setText(status)
        default = default_min_tls(version.effective)
        for index, (value, text) in enumerate(VERSIONS):
            self.ui.tls_min_version.setItemText(
                index, f"{text} (4D {version.effective} default)" if value == default else text)
        self.ui.tls_min_version.setToolTip(default_min_tls_label(version.effective) +
                                           (" (assumed release)" if version.assumed else ""))

    def _show_startup(self) -> None:
        """Whether 4D calls TLS_ApplySettings at start-up while it has something to apply."""
        from tlsgui.policy.applied import LABELS, method_keys, unapplied

        facts = self.document.facts
        release = self.document.version.effective
        keys = method_keys(self.document.settings, release)
        missing = unapplied(self.document.settings, release, facts.startup)
        self.ui.wire_startup_button.setVisible(any(not calls for _name, calls in facts.startup))
        if missing:
            text = colours.span("error", escape(missing.message))
        elif keys and not facts.startup:  # read with the certificate files, right after the first paint
            text = "Looking at On Startup and On Server Startup…"
        elif not keys:
            text = (f"Nothing to apply: every setting here is 4D {release}'s default, or reaches 4D without code "
                    "(HSTS on 4D 21+ goes through HTTPRules.json).")
        else:
            text = (f"{', '.join(LABELS[k] for k in keys).capitalize()}: applied by TLS_ApplySettings, which "
                    "On Startup and On Server Startup call.")
        self.ui.files_startup.setText(text)

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
