"""Read and edit one settings.4DSettings file by splicing its bytes: what tlsgui does not edit stays byte for byte."""

from __future__ import annotations

import re
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

# Well-formedness is checked by expat first, so these only have to split what expat accepted.
_NAME = re.compile(rb"[^\s/>=<\"']+")
_SPACE = re.compile(rb"[ \t\r\n]*")
_EQUALS = re.compile(rb"[ \t\r\n]*=[ \t\r\n]*")
_LINE_END = re.compile(rb"\r\n|\r|\n")
_INDENT = re.compile(rb"[ \t]*")


@dataclass
class Attribute:
    """One attribute of a start tag: its value as XML reads it, and where its bytes are."""

    name: str
    value: str
    start: int  # offset of the name
    value_start: int  # just after the opening quote
    value_end: int  # offset of the closing quote
    quote: bytes


@dataclass
class Element:
    """One element and the byte spans of its tags; children in document order."""

    tag: str
    start: int  # offset of '<'
    name_end: int  # just after the tag name
    open_end: int  # just after the start tag's '>'
    close_start: int = -1  # offset of '</' (== open_end for an empty-element tag <a/>)
    close_end: int = -1
    empty: bool = False  # written as <a/> or <a />
    line: int = 1
    attributes: list[Attribute] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    def get(self, name: str, default: str | None = None) -> str | None:
        found = self.attribute(name)
        return found.value if found else default

    @property
    def attrib(self) -> dict[str, str]:
        return {a.name: a.value for a in self.attributes}

    def all(self, tag: str) -> list[Element]:
        return [child for child in self.children if child.tag == tag]


@dataclass
class SettingsFile:
    """A settings file's exact bytes and the element spans found in them; edits splice the bytes.

    The bytes as read are kept with the values edited since: every change is replayed onto them, so a value
    set back to what the file had (or, for an attribute the file did not have, to what its absence means)
    gives back the bytes that were read, stamp aside, even after saves in between.
    """

    path: Path
    data: bytes
    root: Element
    original: bytes = b""
    edits: dict[XmlPath, str] = field(default_factory=dict)
    stamp_bumps: int = 0
    _original_root: Element | None = None

    def __post_init__(self) -> None:
        if not self.original:
            self.original, self._original_root = self.data, self.root

    @property
    def stamp(self) -> int:
        return int((self.root.get("stamp") or "0").strip())

    def line_of(self, element: Element | None) -> int | None:
        return element.line if element is not None else None

    def _walk(self, element_path: str) -> tuple[list[Element], list[str]]:
        return _walk(self.root, element_path)

    def duplicates(self, element_path: str) -> list[int]:
        """Lines of elements that repeat on this path (empty: the path is unambiguous)."""
        parent = self.root
        for tag in [BODY_TAG, *element_path.split("/")]:
            matches = parent.all(tag)
            if len(matches) > 1:
                return [m.line for m in matches]
            if not matches:
                return []
            parent = matches[0]
        return []

    def find(self, element_path: str) -> Element | None:
        found, missing = self._walk(element_path)
        return None if missing else found[-1]

    def get(self, where: XmlPath) -> tuple[str | None, int | None]:
        """The attribute's value and the line of its element, or (None, None) when absent."""
        element = self.find(where.element)
        if element is None or element.attribute(where.attribute) is None:
            return None, None
        return element.get(where.attribute), element.line

    def set(self, where: XmlPath, text: str, *, absent_means: str | None = None) -> bool:
        """Set an attribute by splicing bytes; True if the bytes changed.

        An existing value has only its bytes replaced; a new attribute goes among its siblings in ASCII
        order (as 4D writes them); missing elements are inserted in the file's own indentation and line
        endings, opening a self-closing parent. `absent_means`: the value 4D uses when the attribute is
        missing, so that setting it back removes what was inserted.
        """
        lines = self.duplicates(where.element)
        if lines:
            tag = where.element.split("/")[-1]
            raise SettingsFileError(
                f"Lines {', '.join(map(str, lines))}: the file has several elements on the path "
                f"com.4d/{where.element} (4D writes one); tlsgui does not guess which one 4D reads, so it did not "
                f"change {where.attribute}.", where=str(self.path),
                fix=f"Remove the extra element(s) near <{tag}> in a text editor or re-save the settings from 4D, "
                    "then try again.",
            )
        assert self._original_root is not None
        was = _lookup(self._original_root, where)
        edits = dict(self.edits)
        if text == was or (was is None and absent_means is not None and text == absent_means):
            edits.pop(where, None)
        else:
            edits.pop(where, None)  # re-inserted last: replayed after the edits it may depend on
            edits[where] = text
        before = self.data
        self._replay(edits, self.stamp_bumps)
        return self.data != before

    def bump_stamp(self) -> None:
        """4D's revision counter plus one: only its digits change."""
        self._replay(self.edits, self.stamp_bumps + 1)

    def _replay(self, edits: dict[XmlPath, str], bumps: int) -> None:
        assert self._original_root is not None
        self.data, self.root = self.original, self._original_root
        for where, text in edits.items():
            self._apply(where, text)
        if bumps:
            self._apply_stamp(bumps)
        self.edits, self.stamp_bumps = edits, bumps

    def _apply(self, where: XmlPath, text: str) -> None:
        found, missing = self._walk(where.element)
        element = found[-1]
        if missing:
            self._splice(*self._insert_elements(found, missing, where.attribute, text))
            return
        current = element.attribute(where.attribute)
        if current is not None and current.value == text:
            return
        if current is not None:
            self._splice(current.value_start, current.value_end, _escape(text, current.quote))
        else:
            self._splice(*self._insert_attribute(element, where.attribute, text))

    def _apply_stamp(self, bumps: int) -> None:
        stamp = self.root.attribute("stamp")
        if stamp is None:
            self._splice(*self._insert_attribute(self.root, "stamp", str(bumps)))
            return
        raw = self.data[stamp.value_start:stamp.value_end]
        digits = re.search(rb"[0-9]+", raw)
        assert digits is not None  # parse_settings refused a stamp without digits
        start, end = stamp.value_start + digits.start(), stamp.value_start + digits.end()
        self._splice(start, end, str(int(digits.group()) + bumps).encode())

    def to_bytes(self) -> bytes:
        return self.data

    # -- splicing --

    def _splice(self, start: int, end: int, new: bytes) -> None:
        data = self.data[:start] + new + self.data[end:]
        # Re-read what was made: every span stays true, and a bad splice can never reach the disk.
        fresh = parse_settings(data, self.path)
        self.data, self.root = fresh.data, fresh.root  # the bytes as read and the edits stay as they are

    def _insert_attribute(self, element: Element, name: str, text: str) -> tuple[int, int, bytes]:
        attrs = element.attributes
        after = next((a for a in attrs if a.name > name), None)
        quote = (after or (attrs[-1] if attrs else None) or _DEFAULT_QUOTE).quote
        new = name.encode() + b"=" + quote + _escape(text, quote) + quote
        if after is not None:
            index = attrs.index(after)
            previous_end = attrs[index - 1].value_end + 1 if index else element.name_end
            gap = self.data[previous_end:after.start]
            return after.start, after.start, new + gap
        if attrs:
            last = attrs[-1]
            previous_end = attrs[-2].value_end + 1 if len(attrs) > 1 else element.name_end
            gap = self.data[previous_end:last.start]
            at = last.value_end + 1
            return at, at, gap + new
        return element.name_end, element.name_end, b" " + new

    def _insert_elements(self, found: list[Element], missing: list[str], name: str,
                         text: str) -> tuple[int, int, bytes]:
        parent = found[-1]
        newline = self._newline()
        unit = self._indent_unit()
        parent_indent = self._indent(parent, len(found) - 1, unit)
        if parent.children:
            last = parent.children[-1]
            child_indent = self._indent(last, len(found), unit)
            block = _element_block(missing, name, text, child_indent, unit, newline)
            return last.close_end, last.close_end, newline + child_indent + block
        child_indent = parent_indent + unit
        block = _element_block(missing, name, text, child_indent, unit, newline)
        if parent.empty:
            # <a x="1"/> becomes <a x="1">, the new element on its own line, then </a>.
            tag_end = self.data.rindex(b"/", parent.start, parent.open_end)
            while self.data[tag_end - 1:tag_end] in (b" ", b"\t", b"\r", b"\n"):
                tag_end -= 1
            opened = b">" + newline + child_indent + block + newline + parent_indent + b"</" + parent.tag.encode() + b">"
            return tag_end, parent.open_end, opened
        inner = self.data[parent.open_end:parent.close_start]
        tail = b"" if _LINE_END.search(inner) else newline + parent_indent
        return parent.open_end, parent.open_end, newline + child_indent + block + tail

    def _newline(self) -> bytes:
        found = _LINE_END.search(self.data)
        return found.group() if found else b"\n"

    def _indent(self, element: Element, depth: int, unit: bytes) -> bytes:
        """The whitespace before the element on its line; depth units when it does not start a line."""
        line_start = max(self.data.rfind(b"\n", 0, element.start), self.data.rfind(b"\r", 0, element.start)) + 1
        before = self.data[line_start:element.start]
        if line_start > 0 and _INDENT.fullmatch(before):
            return before
        return unit * depth

    def _indent_unit(self) -> bytes:
        """One level of indentation as this file writes it: the indent of <com.4d> (4D: a tab)."""
        body = next(iter(self.root.all(BODY_TAG)), None)
        if body is not None:
            indent = self._indent(body, 1, b"")
            if indent:
                return indent
        return b"\t"


def _walk(root: Element, element_path: str) -> tuple[list[Element], list[str]]:
    """The elements found along `com.4d/element_path` and the tags still missing after them.

    Two elements with the same name on the path make the lookup ambiguous: 4D's docs do not say which
    one it reads, so an edit there is refused (reading takes the first, as XPath does).
    """
    found: list[Element] = [root]
    tags = [BODY_TAG, *element_path.split("/")]
    for index, tag in enumerate(tags):
        matches = found[-1].all(tag)
        if not matches:
            return found, tags[index:]
        found.append(matches[0])
    return found, []


def _lookup(root: Element, where: XmlPath) -> str | None:
    found, missing = _walk(root, where.element)
    return None if missing else found[-1].get(where.attribute)


@dataclass
class _Quote:
    quote: bytes


_DEFAULT_QUOTE = _Quote(b'"')


def _escape(text: str, quote: bytes) -> bytes:
    """An attribute value as XML needs it inside this quote character, and nothing more escaped."""
    out = text.replace("&", "&amp;").replace("<", "&lt;")
    out = out.replace('"', "&quot;") if quote == b'"' else out.replace("'", "&apos;")
    # Literal tabs and line breaks would be read back as spaces (XML attribute-value normalisation).
    out = out.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
    return out.encode("utf-8")


def _element_block(tags: list[str], name: str, text: str, indent: bytes, unit: bytes, newline: bytes) -> bytes:
    """Nested new elements, the innermost holding the attribute, indented from `indent`."""
    tag = tags[0].encode()
    if len(tags) == 1:
        return b"<" + tag + b" " + name.encode() + b'="' + _escape(text, b'"') + b'"/>'
    inner = _element_block(tags[1:], name, text, indent + unit, unit, newline)
    return b"<" + tag + b">" + newline + indent + unit + inner + newline + indent + b"</" + tag + b">"


def _skip_declaration(data: bytes, at: int) -> int:
    """The end of a <!DOCTYPE …> starting at `at`, skipping its internal subset, strings and comments."""
    depth = 0
    index = at + 2
    while index < len(data):
        char = data[index:index + 1]
        if data.startswith(b"<!--", index):
            index = data.index(b"-->", index + 4) + 3
            continue
        if char in (b'"', b"'"):
            index = data.index(char, index + 1) + 1
            continue
        if char == b"[":
            depth += 1
        elif char == b"]":
            depth -= 1
        elif char == b">" and depth == 0:
            return index + 1
        index += 1
    raise ValueError("unterminated declaration")


def _scan(data: bytes, events: list[tuple[str, list[str], int]]) -> Element:
    """Split well-formed XML into elements with byte spans; names and values are checked against expat's."""
    stack: list[Element] = []
    root: Element | None = None
    started = iter(events)
    index = 0
    while True:
        at = data.find(b"<", index)
        if at < 0:
            break
        if data.startswith(b"<!--", at):
            index = data.index(b"-->", at + 4) + 3
        elif data.startswith(b"<![CDATA[", at):
            index = data.index(b"]]>", at + 9) + 3
        elif data.startswith(b"<?", at):
            index = data.index(b"?>", at + 2) + 2
        elif data.startswith(b"<!", at):
            index = _skip_declaration(data, at)
        elif data.startswith(b"</", at):
            end = data.index(b">", at) + 1
            closed = stack.pop()
            closed.close_start, closed.close_end = at, end
            index = end
        else:
            tag, values, line = next(started)
            name = _NAME.match(data, at + 1)
            assert name is not None
            element = Element(tag=tag, start=at, name_end=name.end(), open_end=-1, line=line)
            pos = name.end()
            names = values[::2]
            while True:
                pos = _SPACE.match(data, pos).end()  # type: ignore[union-attr]
                if data.startswith(b">", pos):
                    pos += 1
                    break
                if data.startswith(b"/>", pos):
                    pos += 2
                    element.empty = True
                    break
                attr = _NAME.match(data, pos)
                assert attr is not None
                quote_at = _EQUALS.match(data, attr.end()).end()  # type: ignore[union-attr]
                quote = data[quote_at:quote_at + 1]
                value_end = data.index(quote, quote_at + 1)
                position = len(element.attributes)
                element.attributes.append(Attribute(
                    name=names[position], value=values[2 * position + 1], start=attr.start(),
                    value_start=quote_at + 1, value_end=value_end, quote=quote))
                pos = value_end + 1
            element.open_end = pos
            if [a.name for a in element.attributes] != names or data[at + 1:name.end()].decode() != tag:
                raise ValueError(f"line {line}: the tag could not be split as expat read it")
            if element.empty:
                element.close_start = element.close_end = pos
            if stack:
                stack[-1].children.append(element)
            else:
                root = element
            if not element.empty:
                stack.append(element)
            index = pos
    if root is None or stack:
        raise ValueError("no complete root element")
    return root


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
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SettingsFileError(
            f"The file is not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}).", where=where,
            fix="4D writes settings as UTF-8; restore the file from a backup or re-save it from 4D.",
        ) from None
    # The bytes were just checked to be UTF-8, which is what 4D writes; a damaged encoding
    # declaration (found by fuzzing: encoding="TF-8") must not make expat look up a codec.
    parser = expat.ParserCreate("utf-8")
    parser.ordered_attributes = True
    parser.specified_attributes = True  # only what is written in the tag, never a DTD default
    events: list[tuple[str, list[str], int]] = []
    depth = [0]

    def start(tag: str, attrs: list[str]) -> None:
        depth[0] += 1
        if depth[0] > MAX_DEPTH:
            raise _TooDeep
        events.append((tag, attrs, parser.CurrentLineNumber))

    def end(_tag: str) -> None:
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = _refuse_entities
    try:
        parser.Parse(data, True)
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
    try:
        root = _scan(data, events)
    except (ValueError, StopIteration, AssertionError) as exc:  # expat accepted it: a tokenizer gap, not the user's
        raise SettingsFileError(f"tlsgui cannot edit this file without changing other bytes ({exc}).", where=where,
                                fix="Re-save the settings from 4D, or report the file to tlsgui's authors.") from None
    if root.tag != ROOT_TAG:
        raise SettingsFileError(
            f"The root element is <{root.tag}>, not <{ROOT_TAG}>: this is not a 4D settings file.",
            where=where, fix="Restore it from a backup or re-save the settings from 4D.",
        )
    stamp = root.get("stamp", "0") or ""
    if not re.fullmatch(r"\s*[0-9]+\s*", stamp):  # str.isdigit() would accept "²", which int() refuses
        raise SettingsFileError(
            f"Line {root.line}: stamp={stamp!r} is not a number.", where=where,
            fix="4D's revision counter must be a whole number; correct it or re-save the settings from 4D.",
        )
    return SettingsFile(path=path, data=data, root=root)


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
