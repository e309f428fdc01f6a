"""Wizard page ids and the paths a person can choose on the first page."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class PageId(IntEnum):
    """Every wizard page; the tens digit is the path, so ids stay stable when a path grows a page."""

    CHOOSE = 0
    REQUEST_KEY = 10
    REQUEST_SUBJECT = 11
    REQUEST_REVIEW = 12
    REQUEST_DONE = 13
    RECEIVED_SOURCE = 20
    RECEIVED_CHECKS = 21
    IMPORT_FILES = 30
    IMPORT_CHECKS = 31
    DEVELOPMENT = 40
    FORWARD_SECRECY = 50
    ACME_SETUP = 60
    ACME_RUN = 61
    ACME_DONE = 62


class WizardPath(StrEnum):
    """The choices of the first page, in the order they are offered."""

    REQUEST = "request"
    ACME = "acme"
    RECEIVED = "received"
    IMPORT = "import"
    DEVELOPMENT = "development"
    FORWARD_SECRECY = "forward_secrecy"


FIRST_PAGE = {
    WizardPath.REQUEST: PageId.REQUEST_KEY,
    WizardPath.ACME: PageId.ACME_SETUP,
    WizardPath.RECEIVED: PageId.RECEIVED_SOURCE,
    WizardPath.IMPORT: PageId.IMPORT_FILES,
    WizardPath.DEVELOPMENT: PageId.DEVELOPMENT,
    WizardPath.FORWARD_SECRECY: PageId.FORWARD_SECRECY,
}
