"""The 63 real 4D projects (tests/data/corpus) and byte variants of their settings files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
PROJECTS = sorted(p for p in CORPUS.iterdir() if p.is_dir())
SETTINGS_FILES = sorted(CORPUS.glob("*/Project/Sources/settings.4DSettings")) + sorted(
    CORPUS.glob("*/Settings/settings.4DSettings"))


def copy_project(name: str, tmp_path: Path) -> Path:
    """A writable copy of one corpus project under tmp_path (the corpus itself is never written)."""
    target = tmp_path / name
    shutil.copytree(CORPUS / name, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target


def crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def cr(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


def char_refs(data: bytes) -> bytes:
    """Whitespace between tags also written as character references (as 4d-depot__EA_Contacts does), and a
    character reference in attribute values: `&#116;rue` is "true"."""
    def refs(match: re.Match) -> bytes:
        space = match.group(1)
        return b">" + space.replace(b"\n", b"&#xa;").replace(b"\t", b"&#x9;") + space + b"<"

    spaced = re.sub(rb">([\t\n]+)<", refs, data)
    return spaced.replace(b'="true"', b'="&#116;rue"').replace(b'="false"', b'="&#x66;alse"')


def odd_spacing(data: bytes) -> bytes:
    """Single quotes, spaces around '=', doubled spaces between attributes, `<a />` and `<a></a>` forms."""
    def tag(match: re.Match) -> bytes:
        return re.sub(rb"(\s)([A-Za-z_][\w.-]*)=\"([^\"']*)\"", rb"\1 \2 = '\3'", match.group())

    spaced = re.sub(rb"<[A-Za-z_][^<>]*>", tag, data)
    spaced = re.sub(rb"<([A-Za-z_.0-9]+)/>", rb"<\1></\1>", spaced, count=3)
    return re.sub(rb"'/>", b"' />", spaced)


VARIANTS = {"original": lambda d: d, "crlf": crlf, "cr": cr, "char_refs": char_refs, "odd_spacing": odd_spacing}
