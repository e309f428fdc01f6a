"""The Web page: HTTP/HTTPS ports and address, and HSTS (4D Settings > Web > Configuration)."""

from __future__ import annotations

from tlsgui.forms.ui_web_page import Ui_WebPage
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.limits import HSTS_A_PLUS, ONE_YEAR
from tlsgui.widgets import colours
from tlsgui.widgets.qt_values import TEXT_FORMAT_RICH


class WebPage(SettingsPage):
    form_class = Ui_WebPage

    def setup(self) -> None:
        self.ui.web_listening_address.setPlaceholderText("any address of this machine")
        for note in (self.ui.http_note, self.ui.hsts_note):  # a property, not Qt.TextFormat: see qt_values
            note.setProperty("textFormat", TEXT_FORMAT_RICH)
        self.ui.hsts_age_box.preset_chosen.connect(
            lambda seconds: self.document.push_setting("web.hsts_max_age", seconds))

    def read_only_widgets(self):
        return [b for b in self.ui.hsts_age_box.children() if b.objectName().startswith("hsts_preset_")]

    def refresh(self) -> None:
        s = self.document.settings
        self._show_remote()
        self.ui.hsts_age_box.update_echo(self.ui.hsts_age_box.edit.text())
        if not s.web_http_enabled:
            self.ui.http_note.setText(
                "HTTP is off: a first visit typed as <i>http://…</i> gets no answer, so it cannot be "
                "redirected to HTTPS and never receives the HSTS header.")
        elif s.web_https_enabled:
            self.ui.http_note.setText(
                "With both enabled, 4D answers on both ports; turn on HSTS so browsers switch to HTTPS.")
        else:
            self.ui.http_note.setText("HTTPS is off: everything, passwords included, travels unencrypted.")
        if s.web_hsts_enabled and not s.web_https_enabled:
            self.ui.hsts_note.setText("✘ <b>HSTS needs HTTPS</b>: 4D sends the header only over HTTPS. "
                                      "Enable HTTPS or turn HSTS off.")
            self.ui.hsts_note.setStyleSheet(colours.css("error"))
        else:
            self.ui.hsts_note.setStyleSheet("")
            from tlsgui.policy.versions import holds

            release = self.document.version.effective
            how = (f"On 4D {release} tlsgui writes it as a rule in Project/Sources/HTTPRules.json (no code needed)."
                   if holds("http_rules_file", release) else
                   f"On 4D {release} it reaches 4D through TLS_ApplySettings, called at start-up (TLS policy page).")
            self.ui.hsts_note.setText(
                "Browsers that received the header use only HTTPS for this site for <i>max age</i> seconds. "
                f"SSL Labs' A+ needs at least 180 days ({HSTS_A_PLUS} s), preloading a year ({ONE_YEAR} s); "
                f"4D's default is two years. {how}")

    def _show_remote(self) -> None:
        """web/remote/configuration: the web server of 4D in remote mode, shown as read, never edited here."""
        values = self.document.project.remote_web
        self.ui.remote_web_group.setVisible(bool(values))
        if not values:
            return
        from html import escape

        from tlsgui.project.store import REMOTE_WEB

        lines = [f"{escape(REMOTE_WEB[attr])}: <b>{escape(sourced.value)}</b> "
                 f"<span style='color:{colours.muted_text().name()}'>({escape(attr)}, from "
                 f"{escape(sourced.source.label)})</span>"
                 for attr, sourced in values.items()]
        self.ui.remote_web_status.setText(
            "<br>".join(lines) + "<br>Its key.pem and cert.pem go in the client database folder of each remote "
            "machine; change this section in 4D's Settings dialog on a remote 4D.")
