"""Find a 4D project folder from any path inside it, and name the files tlsgui reads and writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from tlsgui.errors import ProjectNotFound

SETTINGS_NAME = "settings.4DSettings"


def _is_project_root(folder: Path) -> bool:
    project = folder / "Project"
    if not project.is_dir():
        return False
    return (project / "Sources").is_dir() or any(project.glob("*.4DProject"))


def find_project_root(path: str | Path) -> Path:
    """The folder holding `Project/` (where key.pem and cert.pem go), found from any path inside it."""
    start = Path(path).expanduser()
    if not start.exists():
        raise ProjectNotFound(
            f"{start} does not exist.", fix="Choose the folder of a 4D project (the one holding Project/)."
        )
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if _is_project_root(candidate):
            return candidate
    raise ProjectNotFound(
        f"{start} is not inside a 4D project.",
        fix="Choose the folder that holds Project/ with a .4DProject file or Project/Sources/.",
    )


@dataclass(frozen=True)
class ProjectPaths:
    """Every file tlsgui reads or writes in one project, named once."""

    root: Path

    @property
    def name(self) -> str:
        found = self.project_file
        return found.stem if found else self.root.name

    @property
    def project_file(self) -> Path | None:
        """Project/<name>.4DProject (the first by name if there are several), or None."""
        found = sorted((self.root / "Project").glob("*.4DProject"))
        return found[0] if found else None

    @property
    def sources(self) -> Path:
        return self.root / "Project" / "Sources"

    @property
    def structure_settings(self) -> Path:
        return self.sources / SETTINGS_NAME

    @property
    def user_settings(self) -> Path:
        return self.root / "Settings" / SETTINGS_NAME

    @property
    def user_data_settings(self) -> Path:
        return self.root / "Data" / "Settings" / SETTINGS_NAME

    @property
    def sidecar(self) -> Path:
        return self.sources / "tls-settings.json"

    @property
    def http_rules(self) -> Path:
        return self.sources / "HTTPRules.json"

    @property
    def database_methods(self) -> Path:
        return self.sources / "DatabaseMethods"

    @property
    def method_file(self) -> Path:
        return self.sources / "Methods" / "TLS_ApplySettings.4dm"

    @property
    def state_dir(self) -> Path:
        return self.root / ".tlsgui"

    @property
    def pending_dir(self) -> Path:
        return self.state_dir / "pending"

    @property
    def backups_dir(self) -> Path:
        return self.state_dir / "backups"

    def tls_folder(self, certificate_folder: str = "") -> Path:
        """Where key.pem, cert.pem and dhparams.pem go: next to the project folder, or the configured folder."""
        return certificate_folder_path(certificate_folder, self.root) or self.root


def certificate_folder_path(value: str, root: Path) -> Path | None:
    """Read web.certificate_folder: a `file:///…/` URL (as 4D writes it) or a POSIX path; relative to the root."""
    value = value.strip()
    if not value:
        return None
    if value.lower().startswith("file:"):
        value = unquote(urlparse(value).path)
    path = Path(value).expanduser()
    return path if path.is_absolute() else (root / path)
