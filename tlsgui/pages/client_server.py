"""The Client-server page: encryption, port and network layer (4D Settings > Client-server > Network options)."""

from __future__ import annotations

from html import escape

from tlsgui.forms.ui_client_server_page import Ui_ClientServerPage
from tlsgui.model.options import BY_KEY
from tlsgui.pages.base import SettingsPage
from tlsgui.policy.versions import certificate_words


class ClientServerPage(SettingsPage):
    form_class = Ui_ClientServerPage
    LABELS = {"client_server.legacy_network_layer": "Network Layer"}  # v19+ shows a menu, not a checkbox

    def setup(self) -> None:
        combo = self.ui.client_server_legacy_network_layer
        combo.addItem("ServerNet (recommended)", False)
        combo.addItem("Legacy network layer", True)

    def refresh(self) -> None:
        port = BY_KEY["client_server.port"].effective_port(self.document.settings.client_server_port)
        self.ui.restart_note.setText(
            "<b>Restart 4D Server</b> for a change on this page to apply. "
            f"Remote 4D applications connect to port {port}; 4D Server also uses ports {port + 1} and {port + 2}. "
            "The legacy layer ignores the minimum TLS version and cannot use ECDSA certificates."
            f"<br>{escape(certificate_words(self.document.version.effective, 'client_server'))}")
