"""The bad-input corpus (tests/data/bad/) as data: each case, how to feed it, and what a person must be told.

The GUI leg can reuse it: `importer_cases()` lists the files a certificate importer receives, with the words
its error label must show (the same core message the CLI prints after "tlsgui: "), for example:

    for case in importer_cases():
        page.load_files(case.paths)
        assert case.message in page.source_error.text()
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
SETTINGS = Path("Project/Sources/settings.4DSettings")
SIDECAR = Path("Project/Sources/tls-settings.json")


@dataclass(frozen=True)
class Case:
    """One corpus entry: `file` fed through `command` with `args`; `exit` and `message` are what must happen."""

    name: str
    file: Path
    command: str  # "install", "dhparams", "settings" or "sidecar"
    args: tuple[str, ...]
    exit: int
    message: str

    @property
    def paths(self) -> list[Path]:
        """The files a GUI importer would be given (the --key file too, when the case has one)."""
        extra = [CORPUS / self.args[1]] if self.args[:1] == ("--key",) else []
        return [self.file, *extra]

    @property
    def password_file(self) -> Path | None:
        return CORPUS / self.args[1] if self.args[:1] == ("--password-file",) else None

    def prepare(self, project: Path) -> None:
        """Put a settings or sidecar case into `project` (before the 'nothing changed' snapshot)."""
        if self.command in ("settings", "sidecar"):
            shutil.copyfile(self.file, project / (SETTINGS if self.command == "settings" else SIDECAR))

    def cli_args(self, project: Path) -> list[str]:
        args = [str(CORPUS / a) if (CORPUS / a).is_file() else a for a in self.args]
        if self.command == "install":
            return ["install", str(project), str(self.file), *args]
        if self.command == "dhparams":
            return ["dhparams", str(project), "--file", str(self.file), *args]
        return ["check", str(project), *args]


def load_cases() -> list[Case]:
    index = json.loads((CORPUS / "expected.json").read_text())
    return [Case(name, CORPUS / entry["file"], entry["command"], tuple(entry["args"]), entry["exit"],
                 entry["message"]) for name, entry in index["cases"].items()]


def importer_cases() -> list[Case]:
    """The cases a certificate importer (CLI install or the wizard's received-certificate page) receives."""
    return [c for c in load_cases() if c.command == "install"]


def core_error(case: Case, project: Path) -> str:
    """The words the core gives for `case` in-process (what a GUI shows), "" when it accepts the input.

    install cases call `install_certificate` (the wizard's finish), dhparams cases `install_dhparams`,
    settings and sidecar cases `load_project` (after `case.prepare(project)`).
    """
    from tlsgui.errors import TlsguiError
    from tlsgui.project.install import install_certificate, install_dhparams, read_input, read_password
    from tlsgui.project.store import load_project

    try:
        loaded = load_project(project)
        if case.command == "install":
            key = CORPUS / case.args[1] if case.args[:1] == ("--key",) else None
            install_certificate(loaded, [case.file], key, read_password(case.password_file))
        elif case.command == "dhparams":
            install_dhparams(loaded, read_input(case.file), str(case.file))
        elif loaded.error:
            return str(loaded.error)
    except TlsguiError as exc:
        return str(exc)
    return ""
