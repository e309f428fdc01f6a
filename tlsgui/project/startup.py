"""Whether On Startup / On Server Startup call TLS_ApplySettings, and inserting the call byte for byte."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tlsgui.errors import TlsguiError

METHOD = "TLS_ApplySettings"
# 4D's database methods in project mode (https://developer.4d.com/docs/Project/architecture#sources):
# Project/Sources/DatabaseMethods/onStartup.4dm runs when 4D (local or remote) opens the project,
# onServerStartup.4dm when 4D Server starts it.
STARTUP_FILES = ("onStartup.4dm", "onServerStartup.4dm")
CALL_COMMENT = "// added by tlsgui: applies tls-settings.json (minimum TLS, ciphers, HSTS) before the servers start"
_COMMENTS = re.compile(r"/\*.*?\*/|//[^\r\n]*", re.DOTALL)
_CALL = re.compile(rf"(?<![\w.]){METHOD}(?![\w])", re.IGNORECASE)  # 4D names are not case-sensitive


@dataclass(frozen=True)
class StartupMethod:
    """One database method file and whether its code calls TLS_ApplySettings."""

    path: Path
    exists: bool
    calls: bool
    error: str = ""  # the file exists but cannot be read


def calls_method(text: str) -> bool:
    """True when TLS_ApplySettings is called in code (not only named in a comment)."""
    return bool(_CALL.search(_COMMENTS.sub("", text)))


def startup_methods(database_methods: Path) -> tuple[StartupMethod, ...]:
    out = []
    for name in STARTUP_FILES:
        path = database_methods / name
        try:
            text = path.read_bytes().decode("utf-8", "replace")
        except FileNotFoundError:
            out.append(StartupMethod(path, False, False))
            continue
        except OSError as exc:
            out.append(StartupMethod(path, True, False, f"cannot be read ({exc.strerror or exc})"))
            continue
        out.append(StartupMethod(path, True, calls_method(text)))
    return tuple(out)


def version_facts(project, settings) -> dict:
    """FileFacts fields: the 4D release and whether the startup methods call TLS_ApplySettings (two small
    files; kept out of project/facts.py, whose imports the window's start-up does not need)."""
    from tlsgui.project.version import effective_version

    methods = startup_methods(project.paths.database_methods)
    return dict(release=effective_version(project.version_hint, settings.project_4d_version).release,
                startup=tuple((m.path.name, m.calls) for m in methods))


def _line_end(data: bytes) -> bytes:
    found = re.search(rb"\r\n|\r|\n", data)
    return found.group() if found else b"\n"


def with_call(data: bytes | None) -> bytes:
    """The method with the call inserted: after its `//%attributes` and `#DECLARE` lines, in its line endings.

    Every other byte (encoding, indentation, the rest of the code) stays as it is.
    """
    call = f"{METHOD}  {CALL_COMMENT}".encode()
    if not data:
        return call + b"\n"
    newline = _line_end(data)
    lines = data.split(newline)
    at = 0
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    while at < len(lines):
        head = lines[at].removeprefix(bom if at == 0 else b"").lstrip()
        if head.startswith(b"//%attributes") or head.lower().startswith(b"#declare"):
            at += 1
            continue
        break
    lines.insert(at, call)
    return newline.join(lines)


def _planned(paths, method_text: bytes) -> dict[Path, bytes]:
    """The files to write: each startup method without the call, and the generated method if it is missing."""
    from tlsgui.project.atomic import check_writable

    outputs: dict[Path, bytes] = {}
    for method in startup_methods(paths.database_methods):
        if method.error:
            raise TlsguiError(f"The method {method.error}; nothing was changed.", where=str(method.path))
        if not method.calls:
            outputs[method.path] = with_call(method.path.read_bytes() if method.exists else None)
    if outputs and not paths.method_file.exists():  # the call must name a method that exists, or 4D cannot compile
        outputs[paths.method_file] = method_text
    for path in outputs:
        check_writable(path)
    return outputs


def wire_startup(paths, method_text: bytes) -> tuple[list[Path], str | None]:
    """Insert the call where it is missing, the generated method too if absent; backup first, all or nothing.

    Returns the files written and the backup id. Raises TlsguiError (nothing written, not even a lock file)
    when a file is read-only or cannot be read.
    """
    from tlsgui.project.backups import write_with_backup
    from tlsgui.project.transaction import project_lock

    if not _planned(paths, method_text):  # refusals come before any lock file
        return [], None
    # Read again and write under the project's lock, so no other tlsgui changes a method in between; the
    # files are one transaction (tlsgui/project/transaction.py): all written, or none.
    with project_lock(paths):
        outputs = _planned(paths, method_text)
        if not outputs:
            return [], None
        backup = write_with_backup(paths, [(path, data, None) for path, data in outputs.items()],
                                   f"before adding {METHOD} to the startup methods")
    return list(outputs), backup.id if backup else None
