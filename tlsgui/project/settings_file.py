"""Read and edit one settings.4DSettings file, preserving everything tlsgui does not own."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from tlsgui.errors import SettingsFileError
from tlsgui.model.options import XmlPath

ROOT_TAG = "preferences"
BODY_TAG = "com.4d"
MAX_SIZE = 8 * 1024 * 1024  # a real settings file is a few KiB; refuse to parse something absurd
# 4D's settings are about 5 elements deep; refusing deep nesting at parse time keeps every later walk of the
# tree (copies, serialisation) far from Python's recursion limit (~700 levels crashed copy.deepcopy).
MAX_DEPTH = 64

# What 4D writes for a new project: the declaration and root on one line, tab indentation.
EMPTY_FILE = (
    '<?xml version="1.0" encoding="UTF-8"?><preferences stamp="0">\n'
    "\t<com.4d>\n"
    "\t</com.4d>\n"
    "</preferences>\n"
)


@dataclass
class SettingsFile:
    """A parsed settings file: its element tree plus the text around the root, kept verbatim."""

    path: Path
    root: ET.Element
    prolog: str = ""  # everything before <preferences>, e.g. the XML declaration
    epilog: str = ""  # everything after </preferences>
    lines: dict[int, int] = field(default_factory=dict)  # id(element) -> line number

    @property
    def stamp(self) -> int:
        return int(self.root.get("stamp", "0"))

    def line_of(self, element: ET.Element | None) -> int | None:
        return self.lines.get(id(element)) if element is not None else None

    def find(self, element_path: str) -> ET.Element | None:
        body = self.root.find(BODY_TAG)
        return None if body is None else body.find(element_path)

    def get(self, where: XmlPath) -> tuple[str | None, int | None]:
        """The raw attribute text and the line of its element, or (None, None) when absent."""
        element = self.find(where.element)
        if element is None or where.attribute not in element.attrib:
            return None, None
        return element.get(where.attribute), self.line_of(element)

    def set(self, where: XmlPath, text: str) -> bool:
        """Set an attribute, creating missing elements in 4D's tab-indented shape; True if anything changed."""
        element = self._ensure(where.element)
        if element.get(where.attribute) == text:
            return False
        element.set(where.attribute, text)  # an existing attribute keeps its place in the order
        return True

    def bump_stamp(self) -> None:
        self.root.set("stamp", str(self.stamp + 1))

    def _ensure(self, element_path: str) -> ET.Element:
        parent = self.root.find(BODY_TAG)
        if parent is None:
            parent = _append_indented(self.root, BODY_TAG, depth=0)
        depth = 1
        for tag in element_path.split("/"):
            child = parent.find(tag)
            if child is None:
                child = _append_indented(parent, tag, depth)
            parent = child
            depth += 1
        return parent

    def to_bytes(self) -> bytes:
        out: list[str] = [self.prolog]
        _serialize(self.root, out)
        out.append(self.epilog)
        return "".join(out).encode("utf-8")


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return (
        _escape_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    )


def _serialize(element: ET.Element, out: list[str]) -> None:
    """Write XML the way 4D does (`<empty/>` without a space), unlike ElementTree's `<empty />`."""
    if element.tag is ET.Comment:
        out.append(f"<!--{element.text}-->")
    elif element.tag is ET.ProcessingInstruction:
        out.append(f"<?{element.text}?>")
    else:
        attrs = "".join(f' {name}="{_escape_attr(value)}"' for name, value in element.attrib.items())
        if element.text is None and not len(element):
            out.append(f"<{element.tag}{attrs}/>")
        else:
            out.append(f"<{element.tag}{attrs}>")
            if element.text:
                out.append(_escape_text(element.text))
            for child in element:
                _serialize(child, out)
            out.append(f"</{element.tag}>")
    if element.tail:
        out.append(_escape_text(element.tail))


def _append_indented(parent: ET.Element, tag: str, depth: int) -> ET.Element:
    """Append a child so the file still looks hand-indented with tabs, as 4D writes it."""
    child = ET.Element(tag)
    inner = "\n" + "\t" * (depth + 1)
    outer = "\n" + "\t" * depth
    if len(parent):
        last = parent[-1]
        child.tail = last.tail if last.tail is not None else outer
        last.tail = parent.text if (parent.text and parent.text.strip() == "") else inner
    else:
        parent.text = inner
        child.tail = outer
    parent.append(child)
    return child


class _Builder:
    """An expat-driven tree builder that keeps comments, processing instructions and line numbers."""

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.builder = ET.TreeBuilder(insert_comments=True, insert_pis=True)
        self.lines: dict[int, int] = {}
        self.depth = 0
        self.root_start: int | None = None  # byte offset of the root start tag
        self.root_end: int | None = None  # byte offset just after the root end tag
        self.outside: list[str] = []

    def start(self, tag: str, attrs: list[str]) -> None:
        if self.depth == 0:
            self.root_start = self.parser.CurrentByteIndex
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        element = self.builder.start(tag, dict(zip(attrs[::2], attrs[1::2], strict=True)))
        self.lines[id(element)] = self.parser.CurrentLineNumber

    def end(self, tag: str) -> None:
        self.builder.end(tag)
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.depth:
            self.builder.data(text)

    def comment(self, text: str) -> None:
        if self.depth:  # comments outside the root stay in the verbatim prolog/epilog
            self.builder.comment(text)

    def pi(self, target: str, data: str) -> None:
        if self.depth:
            self.builder.pi(target, data)


class _TooDeep(Exception):
    """Raised from the start handler when elements nest deeper than MAX_DEPTH."""


class _EntityDeclared(Exception):
    """Raised from expat's entity handler to stop at the first declaration (billion laughs and such)."""


def _refuse_entities(*_args) -> None:
    raise _EntityDeclared


def parse_settings(data: bytes, path: Path) -> SettingsFile:
    """Parse settings XML, raising SettingsFileError with the file and line for anything wrong."""
    where = str(path)
    if len(data) > MAX_SIZE:
        raise SettingsFileError("The file is too large to be a settings file.", where=where)
    if not data.strip():
        raise SettingsFileError("The file is empty.", where=where,
                                fix="Restore it from a backup or delete it to start from 4D's defaults.")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise SettingsFileError("The file is UTF-16 text; 4D writes and reads settings files as UTF-8.",
                                where=where, fix="Re-save it as UTF-8 (without BOM) in a text editor, or restore it "
                                                 "from a backup.")
    if b"\x00" in data[:4096]:
        raise SettingsFileError("The file holds binary data, not XML text: it is not a settings file.", where=where,
                                fix="Restore it from a backup or delete it to start from 4D's defaults.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SettingsFileError(
            f"The file is not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}).", where=where,
            fix="4D writes settings as UTF-8; restore the file from a backup or re-save it from 4D.",
        ) from None
    # The bytes were just checked to be UTF-8, which is what 4D writes; a damaged encoding
    # declaration (found by fuzzing: encoding="TF-8") must not make expat look up a codec.
    parser = expat.ParserCreate("utf-8")
    builder = _Builder(parser)
    parser.ordered_attributes = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.CommentHandler = builder.comment
    parser.ProcessingInstructionHandler = builder.pi
    parser.buffer_text = True
    parser.EntityDeclHandler = _refuse_entities
    encoded = text.encode("utf-8")
    try:
        parser.Parse(encoded, True)
    except _EntityDeclared:
        raise SettingsFileError("The file declares XML entities (<!ENTITY ...>), which 4D never writes; tlsgui "
                                "does not expand them (they can grow to gigabytes).", where=where,
                                fix="Restore the file from a backup or re-save the settings from 4D.") from None
    except _TooDeep:
        raise SettingsFileError(f"Line {parser.CurrentLineNumber}: elements nest more than {MAX_DEPTH} levels deep; "
                                "4D's settings files are a few levels deep, so this is not one.", where=where,
                                fix="Restore the file from a backup or re-save the settings from 4D.") from None
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code] if exc.code else str(exc)
        hint = " The file looks cut short." if "no element found" in reason or "unclosed token" in reason else ""
        raise SettingsFileError(
            f"Line {exc.lineno}, column {exc.offset + 1}: the XML is malformed ({reason}).{hint}",
            where=where, fix="Restore the file from a backup or re-save the settings from 4D.",
        ) from None
    root = builder.builder.close()
    if root.tag != ROOT_TAG:
        raise SettingsFileError(
            f"The root element is <{root.tag}>, not <{ROOT_TAG}>: this is not a 4D settings file.",
            where=where, fix="Restore it from a backup or re-save the settings from 4D.",
        )
    stamp = root.get("stamp", "0")
    if not re.fullmatch(r"\s*[0-9]+\s*", stamp):  # str.isdigit() would accept "²", which int() refuses
        raise SettingsFileError(
            f"Line {builder.lines.get(id(root), 1)}: stamp={stamp!r} is not a number.", where=where,
            fix="4D's revision counter must be a whole number; correct it or re-save the settings from 4D.",
        )
    # Byte offsets are into the UTF-8 text; the prolog/epilog are kept byte-for-byte.
    start = builder.root_start or 0
    close = f"</{ROOT_TAG}>".encode()
    end_at = encoded.rfind(close)
    end = end_at + len(close) if end_at >= 0 else len(encoded)
    return SettingsFile(
        path=path, root=root,
        prolog=encoded[:start].decode("utf-8"), epilog=encoded[end:].decode("utf-8"),
        lines=builder.lines,
    )


def read_settings_file(path: Path) -> SettingsFile:
    from tlsgui.errors import TlsguiError
    from tlsgui.safe_read import read_regular

    try:
        data = read_regular(path, MAX_SIZE, "settings file",
                            fix="Put a real settings file there (restore it from a backup or re-save the settings "
                                "from 4D), or delete it to start from 4D's defaults.")
    except FileNotFoundError:
        raise
    except TlsguiError as exc:
        raise SettingsFileError(exc.message, where=exc.where, fix=exc.fix) from None
    except OSError as exc:
        raise SettingsFileError(f"Cannot read the file ({exc.strerror or exc}).", where=str(path)) from None
    return parse_settings(data, path)


def new_settings_file(path: Path) -> SettingsFile:
    """A settings file in 4D's shape, for a project that has none yet."""
    return parse_settings(EMPTY_FILE.encode(), path)
