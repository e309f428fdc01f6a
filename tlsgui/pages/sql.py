"""The SQL page: SQL server start-up, port and TLS (4D Settings > SQL > Configuration)."""

from __future__ import annotations

from html import escape

from tlsgui.forms.ui_sql_page import Ui_SqlPage
from tlsgui.model.options import BY_KEY
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.versions import certificate_words


class SqlPage(SettingsPage):
    form_class = Ui_SqlPage

    def refresh(self) -> None:
        s = self.document.settings
        port = BY_KEY["sql.port"].effective_port(s.sql_port)
        if s.sql_tls_enabled:
            # 4D's SQL LOGIN: "IP:address{:port}{:ssl}" (4D doc, SQL LOGIN).
            text = ("Clients connect with TLS by appending <b>:ssl</b> to the server address, e.g. "
                    f"<code>SQL LOGIN(\"IP:192.168.1.10:{port}:ssl\"; \"user\"; \"password\")</code>.")
        else:
            text = (f"Clients connect without encryption, e.g. <code>SQL LOGIN(\"IP:192.168.1.10:{port}\"; "
                    "\"user\"; \"password\")</code>. Enable TLS to encrypt SQL connections.")
        if not s.sql_launch_at_startup:
            text += "<br>The SQL server is not started at startup (START SQL SERVER starts it from code)."
        if s.sql_tls_enabled:
            text += f"<br>{escape(certificate_words(self.document.version.effective, 'sql'))}"
        self.ui.sql_connect_note.setText(text)
