"""Which 4D release runs a project: the tlsgui setting project.4d_version, else the .4DProject's hint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.model.release import Release, parse_release
from tlsgui.policy.versions import ASSUMED, release_from_compatibility

SETTING = "tlsgui setting"
PROJECT_FILE = "project file"
UNKNOWN = "unknown"
MAX_SIZE = 1024 * 1024


@dataclass(frozen=True)
class ProjectVersion:
    """The release, where it came from, and words about a hint that could not be read."""

    release: Release | None
    source: str  # SETTING, PROJECT_FILE or UNKNOWN
    detail: str = ""  # e.g. "compatibilityVersion 2130 in Project/App.4DProject"
    notice: str = ""  # set when the project file's hint could not be used

    @property
    def effective(self) -> Release:
        """The release the checks use: this one, or tlsgui's assumption when it is unknown."""
        return self.release or ASSUMED

    @property
    def assumed(self) -> bool:
        return self.release is None

    def describe(self) -> str:
        """"21 R3 (project file: compatibilityVersion 2130)", or what is assumed."""
        if self.release is None:
            return f"unknown (checks assume 4D {ASSUMED}; set project.4d_version to say which 4D runs it)"
        return f"{self.release} ({self.source}{': ' + self.detail if self.detail else ''})"

    def as_json(self) -> dict:
        return {"value": str(self.release) if self.release else None, "source": self.source,
                "detail": self.detail or None}


def read_version_hint(project_file: Path | None) -> ProjectVersion:
    """The .4DProject's compatibilityVersion as a release; unknown, with a notice, when it cannot be read."""
    if project_file is None:
        return ProjectVersion(None, UNKNOWN)
    name = f"Project/{project_file.name}"
    try:
        data = project_file.read_bytes()
    except OSError as exc:
        return ProjectVersion(None, UNKNOWN, notice=f"{project_file}: cannot be read ({exc.strerror or exc}); "
                                                    "the 4D version is unknown.")
    import json  # only here: a project whose version comes from the setting never parses its project file

    try:
        raw = json.loads(data[:MAX_SIZE].decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return ProjectVersion(None, UNKNOWN, notice=f"{project_file} is not JSON; the 4D version is unknown. "
                                                    "Set project.4d_version to say which 4D runs the project.")
    if not isinstance(raw, dict) or "compatibilityVersion" not in raw:
        return ProjectVersion(None, UNKNOWN)
    value = raw["compatibilityVersion"]
    release = release_from_compatibility(value)
    if release is None:
        return ProjectVersion(None, UNKNOWN, notice=(
            f"{project_file}: compatibilityVersion {json.dumps(value)} is not a release number tlsgui can read "
            f"(1830 is 18 R3, 2130 is 21 R3); checks assume 4D {ASSUMED}. Set project.4d_version "
            "(e.g. tlsgui settings PROJECT set project.4d_version=20R4) to say which 4D runs the project."))
    return ProjectVersion(release, PROJECT_FILE, f"compatibilityVersion {value} in {name}")


def effective_version(hint: ProjectVersion, setting: str) -> ProjectVersion:
    """The tlsgui setting when it is set (already checked), else the hint."""
    if setting.strip():
        try:
            return ProjectVersion(parse_release(setting), SETTING, "project.4d_version")
        except TlsguiError:
            pass  # Option.check refuses such a value before it reaches here; fall back to the hint
    return hint
