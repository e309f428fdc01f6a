"""The pages in sidebar order (imported only when shown), and which page shows a given setting or file."""

from __future__ import annotations

import importlib
from typing import NamedTuple

from tlsgui.model.options import BY_KEY


class PageInfo(NamedTuple):
    """What the sidebar needs before a page is built; `load()` imports the page class itself.

    A NamedTuple, not a frozen dataclass: the same immutable record, made without compiling methods at start-up.
    """

    name: str
    title: str
    icon_name: str
    module: str
    class_name: str
    targets: tuple[str, ...] = ()  # problem keys shown on this page that are not settings (e.g. files.cert)
    doc_url: str = ""  # 4D's own documentation page for these settings (Help ▸ 4D Documentation, F1)

    def load(self):
        return getattr(importlib.import_module(self.module), self.class_name)


#: 4D's doc pages for the Settings dialog's Web, Client-server and SQL pages and for TLS (certificates, key.pem,
#: cert.pem, dhparams.pem, minimum version): developer.4d.com/docs/settings/* and /docs/Admin/tls.
_DOCS = "https://developer.4d.com/docs/"
PAGES = (
    PageInfo("web", "Web", "web", "tlsgui.pages.web", "WebPage", doc_url=_DOCS + "settings/web"),
    PageInfo("client_server", "Client-server", "client_server", "tlsgui.pages.client_server", "ClientServerPage",
             doc_url=_DOCS + "settings/client-server"),
    PageInfo("sql", "SQL", "sql", "tlsgui.pages.sql", "SqlPage", doc_url=_DOCS + "settings/sql"),
    PageInfo("tls", "TLS policy", "tls", "tlsgui.pages.tls_policy", "TlsPolicyPage",
             targets=("files.startup",), doc_url=_DOCS + "Admin/tls"),  # targets: the "Applied at start-up" status
    PageInfo("certificates", "Certificates", "certificate", "tlsgui.pages.certificates", "CertificatesPage",
             ("files.key", "files.cert", "files.dhparams"), doc_url=_DOCS + "Admin/tls"),
)


def page_for_key(key: str) -> PageInfo | None:
    """The page whose editors (or file status) a problem about `key` points at (no page is imported)."""
    option = BY_KEY.get(key)
    for info in PAGES:
        if (option is not None and option.page == info.name) or key in info.targets:
            return info
    return None


def info_for_class(module: str, class_name: str) -> PageInfo:
    """The registry entry of a page class (its name, title, icon and targets are declared here only)."""
    return next(info for info in PAGES if (info.module, info.class_name) == (module, class_name))
