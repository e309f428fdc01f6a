"""The one error type the core raises for anything a person can fix."""

from __future__ import annotations


class TlsguiError(Exception):
    """A problem with words for a person: what is wrong, where, and what to do.

    `where` names the file (and line) or the setting key; `fix` says what to do, in the command line's words.
    `remedies` name the same ways out for a window, which shows them as buttons in its own words: a wizard
    path ("development", "received", "forward_secrecy") or "setting:KEY" (show that setting's field).
    Parsers and writers raise this and nothing else for bad input.
    """

    def __init__(self, message: str, *, where: str = "", fix: str = "", remedies: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.fix = fix
        self.remedies = tuple(remedies)

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} {self.fix}".strip() if self.fix else text


class ProjectNotFound(TlsguiError):
    """The path is not (inside) a 4D project folder."""


class SettingsFileError(TlsguiError):
    """A settings file cannot be read; it must be shown read-only and never overwritten."""


class ConflictError(TlsguiError):
    """A file changed on disk since it was loaded; saving would overwrite someone else's work."""


class PasswordNeeded(TlsguiError):
    """A file needs a password that was not given (`wrong` False) or did not open it (`wrong` True).

    A GUI asks for the password again instead of failing; the words stay those of the CLI.
    """

    def __init__(self, message: str, *, wrong: bool, where: str = "", fix: str = "") -> None:
        super().__init__(message, where=where, fix=fix)
        self.wrong = wrong
