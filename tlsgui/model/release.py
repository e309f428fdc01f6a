"""The name of a 4D release ("19", "20 R4", "21 R3"): parsed, compared, and written as 4D writes it."""

from __future__ import annotations

import re
from typing import NamedTuple

from tlsgui.errors import TlsguiError

_NAME = re.compile(r"\s*v?(\d{2})(?:\s*R\s*(\d{1,2}))?(?:\s*LTS)?\s*", re.IGNORECASE)
FIRST_MAJOR, LAST_MAJOR = 17, 30  # a typo such as 210 is refused rather than read as a release


class Release(NamedTuple):
    """A 4D feature release: `feature` 0 is the LTS release of `major` (and its bug-fix releases x.1, x.2 …).

    Ordered as 4D ships them: 20 < 20 R2 < … < 20 R10 < 21.
    """

    major: int
    feature: int = 0

    def __str__(self) -> str:
        return f"{self.major} R{self.feature}" if self.feature else str(self.major)


def parse_release(text: str, where: str = "project.4d_version") -> Release:
    """Read "20 R4", "20R4", "v20 r4", "21", "21 LTS"; TlsguiError with words for anything else."""
    found = _NAME.fullmatch(text or "")
    major = int(found.group(1)) if found else 0
    feature = int(found.group(2)) if found and found.group(2) else 0
    if not found or not FIRST_MAJOR <= major <= LAST_MAJOR or (found.group(2) and not 1 <= feature <= 12):
        raise TlsguiError(
            f"{text!r} is not a 4D release.", where=where,
            fix="Write the release as 4D names it, e.g. 19, 19 R8, 20, 20 R4, 21 or 21 R3 (20R4 is fine too); "
                "leave it empty to use the project file's compatibilityVersion.",
        )
    return Release(major, feature)


def normalize_release(text: str, where: str = "project.4d_version") -> str:
    """The release as 4D writes it ("20 R4"), or "" for empty text."""
    return "" if not text.strip() else str(parse_release(text, where))
