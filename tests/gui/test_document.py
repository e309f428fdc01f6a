"""ProjectDocument: edits as undoable commands, dirty state, save to the real files, revert, reload."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from gui.conftest import tree_bytes
from tlsgui.document import ProjectDocument
from tlsgui.errors import ConflictError, TlsguiError
from tlsgui.model.options import option
from tlsgui.model.profiles import INTERMEDIATE, MODERN

WEB = "com.4d/web/standalone_server/configuration"


def xml_attr(project, element, attribute):
    root = ET.parse(project / "Project" / "Sources" / "settings.4DSettings").getroot()
    return root.find(element).get(attribute)


def sidecar(project):
    return json.loads((project / "Project" / "Sources" / "tls-settings.json").read_text())


@pytest.fixture
def doc(qtbot, demo):
    return ProjectDocument.open(demo)


def test_edit_undo_redo_and_dirty(qtbot, doc):
    assert not doc.dirty
    with qtbot.waitSignals([doc.setting_changed, doc.dirty_changed]):
        doc.push_setting("web.https_port", 9443)
    assert doc.settings.web_https_port == 9443 and doc.dirty
    doc.undo_stack.undo()
    assert doc.settings.web_https_port == 8443 and not doc.dirty
    doc.undo_stack.redo()
    assert doc.settings.web_https_port == 9443 and doc.dirty


def test_typing_merges_into_one_undo_step(doc):
    for value in (9, 94, 944, 9443):
        doc.push_setting("web.https_port", value, typing=True)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.settings.web_https_port == 8443


def test_profile_is_one_undo_step(doc):
    doc.apply_profile(INTERMEDIATE)
    assert doc.settings.tls_cipher_list == INTERMEDIATE.cipher_list
    doc.apply_profile(MODERN)
    assert (doc.settings.tls_min_version, doc.settings.tls_cipher_list) == ("1.3", "")
    doc.undo_stack.undo()
    assert (doc.settings.tls_min_version, doc.settings.tls_cipher_list) == ("1.2", INTERMEDIATE.cipher_list)
    assert doc.undo_stack.count() == 2


def test_save_writes_xml_and_sidecar(demo, doc):
    doc.push_setting("web.https_enabled", True)
    doc.push_setting("web.https_port", 9443)
    doc.push_setting("web.hsts_enabled", True)
    result = doc.save()
    assert not doc.dirty and doc.undo_stack.isClean()
    assert xml_attr(demo, WEB, "allow_ssl") == "true"
    assert xml_attr(demo, WEB, "https_port_number") == "9443"
    assert sidecar(demo)["settings"]["web.hsts_enabled"] is True
    assert any(p.name == "tls-settings.json" for p in result.written)
    assert "WEB SET OPTION(Web HSTS enabled; 1)" in (demo / "Project/Sources/Methods/TLS_ApplySettings.4dm").read_text()
    assert doc.source_of("web.https_port").source.label.startswith("settings.4DSettings")
    assert ProjectDocument.open(demo).settings.web_https_port == 9443


def test_saving_without_edits_changes_no_byte(demo, doc):
    before = tree_bytes(demo)
    assert doc.save().written == ()
    assert tree_bytes(demo) == before


def test_revert_is_undoable(doc):
    doc.push_setting("sql.port", 20000)
    doc.revert()
    assert doc.settings.sql_port == 19812 and not doc.dirty
    doc.undo_stack.undo()
    assert doc.settings.sql_port == 20000


def test_invalid_text_blocks_save_and_is_a_problem(demo, doc):
    before = tree_bytes(demo)
    with pytest.raises(TlsguiError) as typed:
        option("web.https_port").parse("84a3")
    doc.set_input_error("web.https_port", typed.value)
    assert doc.dirty
    assert any(p.key == "web.https_port" and "not a whole number" in p.message for p in doc.problems)
    with pytest.raises(TlsguiError, match="Nothing was saved"):
        doc.save()
    assert tree_bytes(demo) == before


def test_change_on_disk_is_noticed_and_reload_reads_it(qtbot, demo, doc):
    settings = demo / "Project" / "Sources" / "settings.4DSettings"
    with qtbot.waitSignal(doc.disk_changed, timeout=5000) as blocker:
        settings.write_text(settings.read_text().replace('https_port_number="8443"', 'https_port_number="7443"'))
    assert blocker.args[0] == [str(settings)]
    doc.push_setting("sql.port", 20000)
    with pytest.raises(ConflictError):
        doc.save()  # never overwrites the other program's change
    assert 'https_port_number="7443"' in settings.read_text()
    doc.reload()
    assert doc.settings.web_https_port == 7443 and not doc.dirty and doc.changed_files == []


def test_corrupt_settings_file_is_read_only(demo):
    settings = demo / "Project" / "Sources" / "settings.4DSettings"
    settings.write_text('<?xml version="1.0"?><preferences stamp="1"><com.4d><web>')
    before = tree_bytes(demo)
    doc = ProjectDocument.open(demo)
    assert doc.read_only and "settings.4DSettings" in str(doc.project.error)
    doc.push_setting("sql.port", 20000)
    with pytest.raises(TlsguiError, match="read-only"):
        doc.save()
    assert tree_bytes(demo) == before


def test_facts_are_read_on_request_only(demo, rsa_key):
    from gui.conftest import write_cert

    write_cert(demo, rsa_key)
    doc = ProjectDocument.open(demo)
    assert doc.facts.cert_present and doc.facts.cert is None and not doc.facts_complete
    doc.refresh_facts()
    assert doc.facts.cert.names == ("shop.example.com", "www.shop.example.com")


def test_typing_back_to_the_start_leaves_no_undo_step(doc):
    doc.push_setting("web.https_port", 9443, typing=True)
    doc.push_setting("web.https_port", 8443, typing=True)
    assert doc.undo_stack.count() == 0 and not doc.dirty
