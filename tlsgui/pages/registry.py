"""The pages in sidebar order (imported only when shown), and which page shows a given setting or file."""

from __future__ import annotations

import importlib
from typing import NamedTuple


class PageInfo(NamedTuple):
    """What the sidebar needs before a page is built; `load()` imports the page class itself.

    A NamedTuple, not a frozen dataclass: the same immutable record, made without compiling methods at start-up.
    """

    name: str
    title: str
    icon_name: str
    module: str
    class_name: str
    doc_url: str = ""  # 4D's own documentation page for these settings (Help ▸ 4D Documentation, F1)

    def load(self):
        return getattr(importlib.import_module(self.module), self.class_name)


#: 4D's doc pages for the Settings dialog's Web, Client-server and SQL pages and for TLS (certificates, key.pem,
#: cert.pem, dhparams.pem, minimum version): developer.4d.com/docs/settings/* and /docs/Admin/tls.
_DOCS = "https://developer.4d.com/docs/"
PAGES = (
    PageInfo("web", "Web", "web", "tlsgui.pages.web", "WebPage", _DOCS + "settings/web"),
    PageInfo("client_server", "Client-server", "client_server", "tlsgui.pages.client_server", "ClientServerPage",
             _DOCS + "settings/client-server"),
    PageInfo("sql", "SQL", "sql", "tlsgui.pages.sql", "SqlPage", _DOCS + "settings/sql"),
    PageInfo("tls", "TLS policy", "tls", "tlsgui.pages.tls_policy", "TlsPolicyPage", _DOCS + "Admin/tls"),
    PageInfo("certificates", "Certificates", "certificate", "tlsgui.pages.certificates", "CertificatesPage",
             _DOCS + "Admin/tls"),
)


def page_for_key(key: str) -> PageInfo | None:
    """The page whose editors (or file status) a problem about `key` points at."""
    for info in PAGES:
        cls = info.load()
        if key in cls.KEYS or key in cls.TARGETS:
            return info
    return None
