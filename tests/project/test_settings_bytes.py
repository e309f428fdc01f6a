"""Byte-exact edits of real settings files: only the edited value (or the inserted text) and the stamp change."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import tree_bytes
from corpus import CORPUS, PROJECTS, SETTINGS_FILES, VARIANTS, copy_project
from hypothesis import example, given
from hypothesis import strategies as st

from tlsgui.errors import SettingsFileError
from tlsgui.model.options import ALLOW_USER_SETTINGS, OPTIONS, XmlPath
from tlsgui.project.settings_file import parse_settings
from tlsgui.project.store import load_project, save_project

XML_PATHS = [o.xml for o in OPTIONS if o.xml is not None] + [ALLOW_USER_SETTINGS]
ODD_FOLDER = "file:///Users/t&st/<certs>/\"q\" 'a'\tb/caf\u00e9/"


def new_value(where: XmlPath, old: str | None) -> str:
    if where.attribute in ("allowHttp", "allow_ssl", "use_encryption", "use_legacy_network_layer",
                           "launch_at_startup", "allow_user_settings"):
        return "false" if old == "true" else "true"
    if where.attribute == "listening_address":
        return "::1" if old != "::1" else "127.0.0.1"
    if where.attribute == "certificate_folder":
        return ODD_FOLDER
    return "8443" if old != "8443" else "8444"


def line_endings(data: bytes) -> set[bytes]:
    return set(re.findall(rb"\r\n|\r|\n", data))


def changed_region(before: bytes, after: bytes) -> tuple[int, bytes, bytes]:
    """Where two byte strings differ: (offset, the old bytes there, the new bytes there)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return prefix, before[prefix:len(before) - suffix], after[prefix:len(after) - suffix]


def elements(data: bytes) -> list[tuple[str, dict[str, str]]]:
    """Every element as (path, attributes), read by ElementTree: an independent reader."""
    root = ET.fromstring(data)
    out = []

    def walk(element, path):
        here = f"{path}/{element.tag}"
        out.append((here, dict(element.attrib)))
        for child in element:
            walk(child, here)

    walk(root, "")
    return out


def expected_elements(data: bytes, where: XmlPath, value: str) -> list[tuple[str, dict[str, str]]]:
    """The original elements with the attribute set (and the missing elements on its path appended)."""
    found = elements(data)
    path = "/preferences/com.4d/" + where.element
    for here, attrs in found:
        if here == path:
            attrs[where.attribute] = value
            return found
    # Missing elements are inserted after their parent's last descendant, in path order.
    parts = path.split("/")[1:]
    existing = max(i for i in range(1, len(parts) + 1) if any(h == "/" + "/".join(parts[:i]) for h, _ in found))
    parent = "/" + "/".join(parts[:existing])
    last = max(i for i, (h, _) in enumerate(found) if h == parent or h.startswith(parent + "/"))
    new = [("/" + "/".join(parts[:i]), {}) for i in range(existing + 1, len(parts) + 1)]
    new[-1][1][where.attribute] = value
    return found[:last + 1] + new + found[last + 1:]


CASES = [(path, variant) for path in SETTINGS_FILES for variant in VARIANTS]


@pytest.mark.parametrize(("path", "variant"), CASES,
                         ids=[f"{p.relative_to(CORPUS).parts[0]}-{p.parent.name}-{v}" for p, v in CASES])
def test_each_edit_changes_only_its_own_bytes(path, variant):
    original = VARIANTS[variant](path.read_bytes())
    sf = parse_settings(original, Path("settings.4DSettings"))
    assert sf.to_bytes() == original
    endings = line_endings(original) or {b"\n"}
    for where in XML_PATHS:
        sf = parse_settings(original, Path("settings.4DSettings"))
        old, _line = sf.get(where)
        attribute = sf.find(where.element).attribute(where.attribute) if old is not None else None
        value = new_value(where, old)
        assert sf.set(where, value)
        after = sf.to_bytes()
        assert parse_settings(after, Path("x")).get(where)[0] == value
        assert elements(after) == expected_elements(original, where, value)
        at, removed, added = changed_region(original, after)
        if attribute is not None:
            # Only the bytes of that value, between its quotes.
            assert attribute.value_start <= at and at + len(removed) <= attribute.value_end
            sf.set(where, old)
            assert sf.to_bytes() == original, "setting the old value back gives the original bytes"
        else:
            assert re.fullmatch(rb"\s*/?", removed), removed  # at most the '/' of a self-closing parent
            assert line_endings(added) <= endings, (variant, added)
            if b"<" not in added:  # an attribute among its siblings: ASCII order kept where 4D's order was
                element = parse_settings(after, Path("x")).find(where.element)
                names = [a.name for a in element.attributes]
                before_names = [n for n in names if n != where.attribute]
                if before_names == sorted(before_names):
                    assert names == sorted(names)
        assert sf.set(where, sf.get(where)[0]) is False  # same value: no change at all


@pytest.mark.parametrize(("path", "variant"), CASES[::3],
                         ids=[f"{p.relative_to(CORPUS).parts[0]}-{v}" for p, v in CASES[::3]])
def test_stamp_changes_only_its_digits(path, variant):
    original = VARIANTS[variant](path.read_bytes())
    sf = parse_settings(original, Path("settings.4DSettings"))
    before = sf.stamp
    stamp = sf.root.attribute("stamp")
    sf.bump_stamp()
    assert sf.stamp == before + 1
    at, removed, added = changed_region(original, sf.to_bytes())
    assert stamp.value_start <= at <= stamp.value_end
    assert removed.isdigit() or removed == b"" and added.isdigit()


def kept_in_order(original: bytes, after: bytes) -> bool:
    """Every byte of `original` is in `after`, in order (a self-closing tag's '/' may have been opened)."""
    index = 0
    for pos, byte in enumerate(original):
        found = after.find(bytes([byte]), index)
        if found < 0:
            if byte == ord("/") and original[pos + 1:pos + 2] == b">":
                continue
            return False
        index = found + 1
    return True


@pytest.mark.parametrize("name", [p.name for p in PROJECTS])
def test_save_and_save_back_over_the_corpus(tmp_path, name):
    root = copy_project(name, tmp_path)
    structure = root / "Project" / "Sources" / "settings.4DSettings"
    files_before = tree_bytes(root)
    project = load_project(root)
    assert not project.read_only, project.error
    old = project.settings
    # The HTTPS port usually has to be created; client-server encryption usually exists.
    edited = old.replace(**{"web.https_port": 8443 if old.web_https_port != 8443 else 8444,
                            "client_server.encryption": not old.client_server_encryption})
    result = save_project(project, edited)
    target = Path(result.written[0])
    original = files_before[str(target.relative_to(root))]
    again = load_project(root)
    assert again.settings == edited
    save_project(again, again.settings.replace(**{"web.https_port": old.web_https_port,
                                                  "client_server.encryption": old.client_server_encryption}))
    assert load_project(root).settings == old
    after = target.read_bytes()
    assert stamp_of(after) == stamp_of(original) + 2
    after = STAMP.sub(lambda m: m.group(1) + STAMP.search(original).group(2), after, count=1)
    had = [parse_settings(original, target).get(o.xml)[0] is not None
           for o in OPTIONS if o.key in ("web.https_port", "client_server.encryption")]
    if all(had):
        assert after == original
    else:
        assert kept_in_order(original, after)
    files_after = tree_bytes(root)
    changed = {k for k in files_after if files_before.get(k) != files_after[k]}
    assert changed <= {str(target.relative_to(root))} | {k for k in files_after if k.startswith(".tlsgui")}
    assert target in (structure, root / "Settings" / "settings.4DSettings")


def test_existing_values_set_back_give_the_original_file(tmp_path):
    """A file with every edited attribute present: edit, save, set back, save: only the stamp differs."""
    root = copy_project("JannWegner__WebCATI", tmp_path)
    structure = root / "Project" / "Sources" / "settings.4DSettings"
    original = structure.read_bytes()
    project = load_project(root)
    old = project.settings
    save_project(project, old.replace(**{"web.https_port": 8443, "web.https_enabled": False, "web.http_port": 81}))
    assert structure.read_bytes() != original
    project = load_project(root)
    save_project(project, project.settings.replace(**{"web.https_port": old.web_https_port,
                                                      "web.https_enabled": old.web_https_enabled,
                                                      "web.http_port": old.web_http_port}))
    after = structure.read_bytes()
    assert stamp_of(after) == stamp_of(original) + 2
    assert without_stamp(after) == without_stamp(original)


def test_undo_in_one_session_gives_the_original_file_even_for_inserted_elements(tmp_path):
    """Edit and save, then set the old values back and save again with the same project: only the stamp moved."""
    for name in ("4d-depot__EA_Contacts", "GHSFR__4D-Progress", "4d-depot__HDI_WebSocket"):
        root = copy_project(name, tmp_path)
        structure = root / "Project" / "Sources" / "settings.4DSettings"
        original = structure.read_bytes()
        project = load_project(root)
        old = project.settings
        save_project(project, old.replace(**{"web.https_port": 8443, "sql.port": 19900, "web.https_enabled": True,
                                             "client_server.encryption": True}))
        assert without_stamp(structure.read_bytes()) != without_stamp(original)
        save_project(project, old)
        assert stamp_of(structure.read_bytes()) == stamp_of(original) + 2
        assert without_stamp(structure.read_bytes()) == without_stamp(original), name


STAMP = re.compile(rb'(stamp\s*=\s*["\'][ ]*)([0-9]+)')


def stamp_of(data: bytes) -> int:
    return int(STAMP.search(data).group(2))


def without_stamp(data: bytes) -> bytes:
    return STAMP.sub(rb"\1N", data, count=1)


SELF_CLOSING_ROOT = b'<?xml version="1.0" encoding="UTF-8"?><preferences stamp="2"/>'


def test_self_closing_root_is_opened_in_4d_shape():
    sf = parse_settings(SELF_CLOSING_ROOT, Path("s.4DSettings"))
    sf.set(XmlPath("web/standalone_server/configuration", "allow_ssl"), "true")
    assert sf.to_bytes() == (
        b'<?xml version="1.0" encoding="UTF-8"?><preferences stamp="2">\n'
        b"\t<com.4d>\n\t\t<web>\n\t\t\t<standalone_server>\n"
        b'\t\t\t\t<configuration allow_ssl="true"/>\n'
        b"\t\t\t</standalone_server>\n\t\t</web>\n\t</com.4d>\n</preferences>")


def test_new_elements_follow_the_files_crlf_and_indentation():
    data = (b"<?xml version='1.0'?>\r\n<preferences stamp='7'>\r\n  <com.4d>\r\n    <sql />\r\n"
            b"    <server></server>\r\n  </com.4d>\r\n</preferences>")
    sf = parse_settings(data, Path("s.4DSettings"))
    sf.set(XmlPath("sql/publication", "port_number"), "19900")
    sf.set(XmlPath("server/network/options", "publication_port"), "19813")
    assert sf.to_bytes() == (
        b"<?xml version='1.0'?>\r\n<preferences stamp='7'>\r\n  <com.4d>\r\n"
        b'    <sql>\r\n      <publication port_number="19900"/>\r\n    </sql>\r\n'
        b"    <server>\r\n      <network>\r\n"
        b'        <options publication_port="19813"/>\r\n      </network>\r\n    </server>\r\n'
        b"  </com.4d>\r\n</preferences>")


def test_attribute_goes_among_siblings_in_ascii_order_with_their_quotes_and_spacing():
    data = (b"<preferences stamp='1'><com.4d><web><standalone_server>"
            b"<configuration  allow_ssl = 'true'  port_number = '80' /></standalone_server></web></com.4d></preferences>")
    sf = parse_settings(data, Path("s.4DSettings"))
    sf.set(XmlPath("web/standalone_server/configuration", "https_port_number"), "4'43")
    sf.set(XmlPath("web/standalone_server/configuration", "allowHttp"), "true")
    assert b"<configuration  allowHttp='true'  allow_ssl = 'true'  https_port_number='4&apos;43'  " \
           b"port_number = '80' />" in sf.to_bytes()


def test_cdata_comments_doctype_and_references_are_kept():
    data = ('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE preferences [<!-- no entities -->]>\n'
            '<!-- 4D -->\n<preferences stamp="5"><!-- a > b --><com.4d><general note="caf&#233; &apos;x&apos; a&gt;b"'
            '><![CDATA[<kept>]]></general><web><standalone_server><configuration port_number="80"/>'
            '</standalone_server></web></com.4d></preferences>').encode()
    sf = parse_settings(data, Path("s.4DSettings"))
    sf.set(XmlPath("web/standalone_server/configuration", "port_number"), "8080")
    sf.bump_stamp()
    assert sf.to_bytes() == data.replace(b'port_number="80"', b'port_number="8080"').replace(
        b'stamp="5"', b'stamp="6"')


def test_duplicate_element_on_the_path_is_refused_with_lines():
    data = (b'<preferences stamp="1">\n<com.4d>\n<sql><publication port_number="1"/></sql>\n'
            b'<sql><publication port_number="2"/></sql>\n</com.4d>\n</preferences>')
    sf = parse_settings(data, Path("s.4DSettings"))
    with pytest.raises(SettingsFileError, match="Lines 3, 4: the file has several elements"):
        sf.set(XmlPath("sql/publication", "port_number"), "19812")
    assert sf.to_bytes() == data


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff",
                             min_codepoint=1).filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20), max_size=30),
       st.sampled_from(SETTINGS_FILES[::7]), st.sampled_from(list(VARIANTS)))
@example("a\tb\r\nc", SETTINGS_FILES[0], "cr")
def test_any_text_reads_back_and_sets_back(text, path, variant):
    original = VARIANTS[variant](path.read_bytes())
    where = XmlPath("web/standalone_server/configuration", "certificate_folder")
    sf = parse_settings(original, Path("s.4DSettings"))
    old = sf.get(where)[0]
    sf.set(where, text)
    assert parse_settings(sf.to_bytes(), Path("s")).get(where)[0] == text
    if old is not None:
        sf.set(where, old)
        assert sf.to_bytes() == original


def test_duplicate_elements_are_noticed_and_the_save_writes_nothing(project_factory):
    root = project_factory('<?xml version="1.0" encoding="UTF-8"?><preferences stamp="1">\n<com.4d>\n'
                           '<sql><publication port_number="19812"/></sql>\n<sql><publication port_number="1"/></sql>\n'
                           '</com.4d>\n</preferences>')
    before = tree_bytes(root)
    project = load_project(root)
    assert any("lines 3, 4 repeat an element of com.4d/sql/publication" in n for n in project.notices)
    with pytest.raises(SettingsFileError, match="several elements"):
        save_project(project, project.settings.replace(**{"sql.port": 19900}))
    assert tree_bytes(root) == before


def test_an_element_order_4d_does_not_write_is_kept_as_it_is(project_factory):
    """<configuration> after <options>, <web> last, attributes out of ASCII order: read, edited, not reordered."""
    text = ('<?xml version="1.0" encoding="UTF-8"?><preferences stamp="4">\n\t<com.4d>\n'
            '\t\t<sql>\n\t\t\t<publication port_number="19812" launch_at_startup="false"/>\n\t\t</sql>\n'
            '\t\t<web>\n\t\t\t<standalone_server>\n\t\t\t\t<options/>\n'
            '\t\t\t\t<configuration port_number="80" allowHttp="true"/>\n'
            '\t\t\t</standalone_server>\n\t\t</web>\n\t</com.4d>\n</preferences>')
    root = project_factory(text)
    project = load_project(root)
    assert (project.settings.sql_port, project.settings.web_http_port) == (19812, 80)
    save_project(project, project.settings.replace(**{"sql.launch_at_startup": True, "web.https_port": 8443}))
    after = (root / "Project/Sources/settings.4DSettings").read_text()
    assert after == text.replace('stamp="4"', 'stamp="5"').replace(
        'launch_at_startup="false"', 'launch_at_startup="true"').replace(
        'port_number="80" allowHttp="true"', 'https_port_number="8443" port_number="80" allowHttp="true"')


VALUES = {"allowHttp": ["true", "false"], "allow_ssl": ["true", "false"], "use_encryption": ["true", "false"],
          "port_number": ["80", "8080", "19812"], "https_port_number": ["443", "8443"],
          "publication_port": ["19813", "20000"], "listening_address": ["", "::1", "127.0.0.1"],
          "certificate_folder": ["", ODD_FOLDER], "use_legacy_network_layer": ["true", "false"],
          "launch_at_startup": ["true", "false"], "allow_user_settings": ["true", "false"]}


@given(st.sampled_from(SETTINGS_FILES), st.sampled_from(list(VARIANTS)),
       st.lists(st.tuples(st.sampled_from(XML_PATHS), st.integers(0, 2)), min_size=1, max_size=8))
def test_any_sequence_of_edits_undone_gives_the_original_bytes(path, variant, edits):
    """Edits in any order, then each attribute set back to what the file had (or dropped): the bytes as read."""
    original = VARIANTS[variant](path.read_bytes())
    sf = parse_settings(original, Path("s.4DSettings"))
    first = {where: sf.get(where)[0] for where, _ in edits}
    for where, pick in edits:
        choices = VALUES[where.attribute]
        sf.set(where, choices[pick % len(choices)], absent_means="(absent)")
        assert parse_settings(sf.to_bytes(), Path("s")).get(where)[0] == choices[pick % len(choices)]
        assert line_endings(sf.to_bytes()) <= (line_endings(original) or {b"\n"})
    for where, was in first.items():
        sf.set(where, "(absent)" if was is None else was, absent_means="(absent)")
    assert sf.to_bytes() == original
