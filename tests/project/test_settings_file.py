"""Reading and writing settings.4DSettings: round trips on real-shaped files and every bad input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, tree_bytes

from tlsgui.errors import ConflictError, SettingsFileError, TlsguiError
from tlsgui.model.settings import Source
from tlsgui.project.store import load_project, save_project

REAL_FILES = sorted((FIXTURES / "settings").glob("*.4DSettings"))
STRUCTURE = "Project/Sources/settings.4DSettings"


def c14n(data: bytes) -> str:
    return ET.canonicalize(xml_data=data.decode("utf-8"), with_comments=True)


@pytest.mark.parametrize("fixture", REAL_FILES, ids=lambda p: p.stem)
def test_save_without_edits_writes_nothing(project_factory, fixture):
    root = project_factory(fixture.read_text())
    before = tree_bytes(root)
    mtime = (root / STRUCTURE).stat().st_mtime_ns
    project = load_project(root)
    result = save_project(project, project.settings)
    assert result.written == ()
    assert tree_bytes(root) == before
    assert (root / STRUCTURE).stat().st_mtime_ns == mtime
    assert not (root / ".tlsgui").exists()


@pytest.mark.parametrize("fixture", REAL_FILES, ids=lambda p: p.stem)
def test_one_edit_changes_only_that_attribute_and_stamp(project_factory, fixture):
    original = fixture.read_bytes()
    root = project_factory(original.decode())
    project = load_project(root)
    old_port = project.settings.web_https_port
    save_project(project, project.settings.replace(**{"web.https_port": 8443}))
    after = (root / STRUCTURE).read_bytes()

    # Build the expected document independently: the original tree with exactly two attributes changed.
    expected = ET.fromstring(original, parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True)))
    expected.set("stamp", str(int(expected.get("stamp")) + 1))
    config = expected.find("com.4d/web/standalone_server/configuration")
    if config is None:
        assert old_port == 443  # the element did not exist: it is created
        config = ET.fromstring(after).find("com.4d/web/standalone_server/configuration")
        assert config.attrib == {"https_port_number": "8443"}
        return
    names = list(config.attrib)
    config.set("https_port_number", "8443")
    assert c14n(after) == c14n(ET.tostring(expected))
    # Existing attributes keep their order; a new one goes where 4D writes it, in ASCII order.
    if "https_port_number" not in names:
        names.insert(next((i for i, n in enumerate(names) if n > "https_port_number"), len(names)),
                     "https_port_number")
    assert list(ET.fromstring(after).find("com.4d/web/standalone_server/configuration").attrib) == names


def test_byte_diff_of_one_edit_is_two_lines(demo):
    before = (demo / STRUCTURE).read_text().splitlines()
    project = load_project(demo)
    save_project(project, project.settings.replace(**{"client_server.encryption": True}))
    after = (demo / STRUCTURE).read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert len(before) == len(after)
    assert changed == [
        ('<?xml version="1.0" encoding="UTF-8"?><preferences stamp="42">',
         '<?xml version="1.0" encoding="UTF-8"?><preferences stamp="43">'),
        ('\t\t\t\t<client_server auto_register_clients="false" connections_timeout="5" use_encryption="false"/>',
         '\t\t\t\t<client_server auto_register_clients="false" connections_timeout="5" use_encryption="true"/>'),
    ]


def test_comments_unknown_elements_and_sections_survive(project_factory):
    root = project_factory((FIXTURES / "settings" / "webclerk19.4DSettings").read_text())
    project = load_project(root)
    save_project(project, project.settings.replace(**{"sql.port": 19900, "web.http_enabled": False}))
    text = (root / STRUCTURE).read_text()
    assert "<!-- kept by tlsgui: comments are not ours to drop -->" in text
    assert '<configuration allow_ssl="false" automatic_session_management="false"/>' in text  # remote, untouched
    assert '<publication port_number="19900"/>' in text
    # The inserted allowHttp goes first: ASCII order, as 4D writes attributes.
    assert '<configuration allowHttp="false" automatic_session_management="false" port_number="80"/>' in text


def test_missing_settings_file_is_created_in_4d_shape(project_factory):
    root = project_factory(None)
    project = load_project(root)
    assert all(s.source is Source.DEFAULT for s in project.sources.values())
    save_project(project, project.settings.replace(**{"web.https_enabled": True}))
    text = (root / STRUCTURE).read_text()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?><preferences stamp="1">\n\t<com.4d>\n')
    assert "\t\t<web>\n\t\t\t<standalone_server>\n\t\t\t\t<configuration allow_ssl=\"true\"/>" in text
    assert load_project(root).sources["web.https_enabled"].source is Source.STRUCTURE


def test_values_and_sources_from_a_real_file(project_factory):
    root = project_factory((FIXTURES / "settings" / "webadmin_headless.4DSettings").read_text())
    project = load_project(root)
    s = project.settings
    assert (s.web_http_port, s.web_https_port, s.web_http_enabled, s.web_https_enabled) == (8081, 9998, True, True)
    assert s.web_certificate_folder == "file:///Users/imac/"
    assert project.paths.tls_folder(s.web_certificate_folder) == Path("/Users/imac")
    assert project.sources["web.http_port"].source is Source.STRUCTURE
    assert project.sources["sql.port"].source is Source.DEFAULT


BAD_FILES = {
    "malformed": ('<?xml version="1.0"?><preferences stamp="1">\n<com.4d>\n<web><oops></web>\n</com.4d>\n</preferences>',
                  "Line 3, column"),
    "truncated": ('<?xml version="1.0" encoding="UTF-8"?><preferences stamp="3">\n\t<com.4d>\n\t\t<web>\n\t\t\t<standalone_',
                  "cut short"),
    "other_root": ('<?xml version="1.0"?><plist version="1.0"><dict/></plist>', "root element is <plist>"),
    "stamp": ('<?xml version="1.0"?><preferences stamp="twelve"><com.4d/></preferences>', "stamp='twelve' is not a number"),
    "boolean": ('<?xml version="1.0"?><preferences stamp="1">\n<com.4d>\n<server><network>\n'
                '<client_server use_encryption="yes"/></network></server></com.4d></preferences>',
                'line 4: use_encryption="yes" is not a boolean'),
    "port_letters": ('<?xml version="1.0"?><preferences stamp="1"><com.4d><sql><publication port_number="abc"/>'
                     "</sql></com.4d></preferences>", 'port_number="abc" is not a valid value'),
    "port_negative": ('<?xml version="1.0"?><preferences stamp="1"><com.4d><sql><publication port_number="-1"/>'
                      "</sql></com.4d></preferences>", 'port_number="-1"'),
    "port_huge": ('<?xml version="1.0"?><preferences stamp="1"><com.4d><web><standalone_server>'
                  '<configuration https_port_number="70000"/></standalone_server></web></com.4d></preferences>',
                  'https_port_number="70000"'),
    "empty": ("", "The file is empty"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_settings_file_opens_read_only_with_reason(project_factory, name):
    text, words = BAD_FILES[name]
    root = project_factory(text)
    before = tree_bytes(root)
    project = load_project(root)
    assert project.read_only
    assert isinstance(project.error, SettingsFileError)
    assert words in str(project.error)
    assert "settings.4DSettings" in str(project.error)
    with pytest.raises(TlsguiError, match="read-only"):
        save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert tree_bytes(root) == before


def test_not_utf8_names_the_byte_and_line(project_factory, tmp_path):
    root = project_factory(None)
    data = '<?xml version="1.0" encoding="UTF-8"?><preferences stamp="1">\n<com.4d>\n<!-- caf\u00e9 -->'.encode(
        "latin-1") + b"</com.4d></preferences>"
    (root / STRUCTURE).write_bytes(data)
    project = load_project(root)
    assert "not UTF-8 text (byte 0xe9 at line 3)" in str(project.error)


def test_read_only_settings_file_is_refused_and_untouched(demo):
    target = demo / STRUCTURE
    target.chmod(0o444)
    try:
        project = load_project(demo)
        before = tree_bytes(demo)
        with pytest.raises(TlsguiError, match="read-only"):
            save_project(project, project.settings.replace(**{"web.http_port": 81}))
        assert tree_bytes(demo) == before
    finally:
        target.chmod(0o644)


def test_read_only_folder_is_refused(demo):
    folder = demo / "Project" / "Sources"
    folder.chmod(0o555)
    try:
        project = load_project(demo)
        before = tree_bytes(demo)
        with pytest.raises(TlsguiError, match="folder is read-only"):
            save_project(project, project.settings.replace(**{"web.http_port": 81}))
        assert tree_bytes(demo) == before
    finally:
        folder.chmod(0o755)


def test_file_changed_on_disk_is_not_overwritten_without_force(demo):
    project = load_project(demo)
    target = demo / STRUCTURE
    someone_else = target.read_text().replace('stamp="42"', 'stamp="50"')
    target.write_text(someone_else)
    assert project.changed_on_disk() == [target]
    with pytest.raises(ConflictError, match="changed on disk"):
        save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert target.read_text() == someone_else
    result = save_project(project, project.settings.replace(**{"web.http_port": 81}), force=True)
    assert target in result.written
    assert 'port_number="81"' in target.read_text()


def test_refused_save_leaves_the_loaded_project_unchanged(demo):
    project = load_project(demo)
    (demo / STRUCTURE).write_text((demo / STRUCTURE).read_text() + "\n")
    with pytest.raises(ConflictError):
        save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert project.settings.web_http_port == 8080
    assert project.files[Source.STRUCTURE].find("web/standalone_server/configuration").get("port_number") == "8080"


def test_every_save_backs_up_the_replaced_file(demo):
    original = (demo / STRUCTURE).read_bytes()
    project = load_project(demo)
    result = save_project(project, project.settings.replace(**{"web.http_port": 81}))
    backup = demo / ".tlsgui" / "backups" / result.backup_id
    stored = [p for p in backup.iterdir() if p.name.endswith("settings.4DSettings")]
    assert [p.read_bytes() for p in stored] == [original]


def test_superscript_stamp_is_not_a_number(project_factory):
    project = load_project(project_factory('<?xml version="1.0"?><preferences stamp="\u00b2"><com.4d/></preferences>'))
    assert "is not a number" in str(project.error)


def test_damaged_encoding_declaration_is_read_as_utf8(project_factory):
    # Found by fuzzing: expat raised LookupError for an unknown codec name.
    text = (FIXTURES / "settings" / "hdi_multiple_webservers.4DSettings").read_text().replace("UTF-8", "TF-8")
    project = load_project(project_factory(text))
    assert not project.read_only and project.settings.web_http_port == 8080
