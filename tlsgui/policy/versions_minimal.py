"""The 4D version of a project, read minimally from compatibilityVersion (stand-in for policy/versions.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class FourDVersion:
    major: int
    release: int  # 0 for the LTS (20.x), N for "20 RN"

    @property
    def key(self) -> tuple[int, int]:
        return (self.major, self.release)

    def __str__(self) -> str:
        return f"{self.major} R{self.release}" if self.release else str(self.major)


def parse_compatibility(value) -> FourDVersion | None:
    """`compatibilityVersion` as 4D writes it: 2050 = 20 R5 (major, then release in tens); "20A0" = 20."""
    if isinstance(value, int) and 1000 <= value < 10000:
        return FourDVersion(value // 100, (value % 100) // 10)
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{2})(?:R(\d+)|A\d*)?", value.strip())
        if match:
            return FourDVersion(int(match.group(1)), int(match.group(2) or 0))
        if value.strip().isdigit():
            return parse_compatibility(int(value.strip()))
    return None


def project_version(project_folder: Path) -> FourDVersion | None:
    """The version the project's .4DProject says it was last saved with (a hint; None when absent)."""
    for path in sorted((Path(project_folder) / "Project").glob("*.4DProject")):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            return None
        if isinstance(data, dict):
            return parse_compatibility(data.get("compatibilityVersion"))
    return None
