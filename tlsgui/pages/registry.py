"""The pages in sidebar order, and which page shows a given setting or file."""

from __future__ import annotations

from tlsgui.pages.certificates import CertificatesPage
from tlsgui.pages.client_server import ClientServerPage
from tlsgui.pages.sql import SqlPage
from tlsgui.pages.tls_policy import TlsPolicyPage
from tlsgui.pages.web import WebPage

PAGES = (WebPage, ClientServerPage, SqlPage, TlsPolicyPage, CertificatesPage)


def page_for_key(key: str):
    """The page class whose editors (or file status) a problem about `key` points at."""
    for page in PAGES:
        if key in page.KEYS or key in page.TARGETS:
            return page
    return None
