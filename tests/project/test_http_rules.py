"""HSTS on 4D 21+ through Project/Sources/HTTPRules.json: added, updated in place, removed; bad files untouched."""

from __future__ import annotations

import json
import os

import pytest
from conftest import tree_bytes

from tlsgui.errors import TlsguiError
from tlsgui.project.http_rules import COMMENT, HEADER, updated_rules
from tlsgui.project.store import load_project, save_project

RULES = "Project/Sources/HTTPRules.json"
METHOD = "Project/Sources/Methods/TLS_ApplySettings.4dm"
SIDECAR = "Project/Sources/tls-settings.json"

USER_RULES = [
    {"comment": "REST requests: allow POST method", "regexPattern": "/rest/(.*)", "addHeaders": {"Allow": "POST"},
     "x-team-note": "kept"},
    {"regexPattern": "^/maintenance.html", "status": 503},
]


def on(version, project_factory):
    root = project_factory(None)
    project = load_project(root)
    save_project(project, project.settings.replace(**{"project.4d_version": version}))
    return root


def save(root, **values):
    project = load_project(root)
    return save_project(project, project.settings.replace(**values))


def test_hsts_on_21_is_a_rule_and_not_code(project_factory):
    root = on("21", project_factory)
    save(root, **{"web.hsts_enabled": True, "web.hsts_max_age": 31536000})
    rules = json.loads((root / RULES).read_text())
    assert rules == [{"comment": COMMENT, "regexPattern": "/(.*)", "setHeaders": {HEADER: "max-age=31536000"}}]
    assert "HSTS" not in (root / METHOD).read_text().split("\n\n", 1)[1]
    save(root, **{"web.hsts_max_age": 63072000})
    assert json.loads((root / RULES).read_text())[0]["setHeaders"] == {HEADER: "max-age=63072000"}
    save(root, **{"web.hsts_enabled": False})
    assert json.loads((root / RULES).read_text()) == []


@pytest.mark.parametrize("version", ["19", "20", "20 R4"])
def test_hsts_before_21_stays_in_the_generated_method(project_factory, version):
    root = on(version, project_factory)
    save(root, **{"web.hsts_enabled": True})
    assert not (root / RULES).exists()
    assert "WEB SET OPTION(Web HSTS enabled; 1)" in (root / METHOD).read_text()


def test_users_rules_order_and_fields_are_kept(project_factory):
    root = on("21 R3", project_factory)
    (root / RULES).write_text(json.dumps(USER_RULES, indent="\t") + "\n")
    save(root, **{"web.hsts_enabled": True})
    rules = json.loads((root / RULES).read_text())
    assert rules[:2] == USER_RULES and rules[2]["setHeaders"] == {HEADER: "max-age=63072000"}
    assert (root / RULES).read_text().startswith('[\n\t{\n\t\t"comment"')  # the file's own tab indentation
    save(root, **{"web.hsts_enabled": False})
    assert json.loads((root / RULES).read_text()) == USER_RULES


def test_a_users_own_hsts_header_is_updated_in_place(project_factory):
    root = on("21", project_factory)
    mine = [{"comment": "security", "regexPattern": "/(.*)",
             "setHeaders": {"X-Frame-Options": "DENY", "strict-transport-security": "max-age=100"}}]
    (root / RULES).write_text(json.dumps(mine, indent=2))
    save(root, **{"web.hsts_enabled": True, "web.hsts_max_age": 31536000})
    rules = json.loads((root / RULES).read_text())
    assert rules == [{"comment": "security", "regexPattern": "/(.*)",
                      "setHeaders": {"X-Frame-Options": "DENY", "strict-transport-security": "max-age=31536000"}}]
    save(root, **{"web.hsts_enabled": False})
    assert json.loads((root / RULES).read_text())[0]["setHeaders"] == {"X-Frame-Options": "DENY"}


@pytest.mark.parametrize(("content", "words"), [
    ("{ not json", "the JSON is malformed"), ('{"regexPattern": "/(.*)"}', "holds a JSON dict, not a list"),
    ("null", "holds a JSON null"), (b"\xff\xfe[", "not UTF-8"),
])
def test_unreadable_rules_file_is_reported_and_never_overwritten(project_factory, content, words):
    root = on("21", project_factory)
    (root / RULES).write_bytes(content if isinstance(content, bytes) else content.encode())
    before = tree_bytes(root)
    with pytest.raises(TlsguiError, match=words) as info:
        save(root, **{"web.hsts_enabled": True})
    assert "HTTPRules.json" in str(info.value) and "did not change it" in str(info.value)
    assert tree_bytes(root) == before


def test_read_only_rules_file_changes_nothing(project_factory):
    root = on("21", project_factory)
    (root / RULES).write_text("[]\n")
    os.chmod(root / RULES, 0o444)
    before = tree_bytes(root)
    try:
        with pytest.raises(TlsguiError, match="read-only"):
            save(root, **{"web.hsts_enabled": True})
        assert tree_bytes(root) == before
    finally:
        os.chmod(root / RULES, 0o644)


def test_edits_elsewhere_leave_the_rules_file_alone(project_factory):
    root = on("21", project_factory)
    (root / RULES).write_text("[ ]")
    save(root, **{"tls.cipher_list": "ECDHE+AESGCM"})
    assert (root / RULES).read_text() == "[ ]"


def test_updated_rules_ignores_entries_that_are_not_objects():
    rules = ["odd", 3, {"setHeaders": "not an object"}]
    assert updated_rules(rules, False, 1) == rules
    assert updated_rules(rules, True, 1)[:3] == rules


def test_unreadable_rules_file_is_noticed_when_the_project_opens(project_factory):
    root = on("21", project_factory)
    (root / RULES).write_text('{"regexPattern": "/(.*)"}')
    notices = load_project(root).notices
    assert any("HTTPRules.json: The file holds a JSON dict, not a list of rules." in n for n in notices)


def test_hsts_written_by_hand_in_the_rules_is_read_on_21_only(project_factory):
    root = on("21", project_factory)
    (root / RULES).write_text(json.dumps([{"regexPattern": "/(.*)",
                                           "setHeaders": {"Strict-Transport-Security": "max-age=31536000"}}]))
    project = load_project(root)
    assert (project.settings.web_hsts_enabled, project.settings.web_hsts_max_age) == (True, 31536000)
    assert project.sources["web.hsts_enabled"].source.label == "HTTPRules.json"
    root20 = on("20 R4", project_factory)
    (root20 / RULES).write_bytes((root / RULES).read_bytes())
    assert load_project(root20).settings.web_hsts_enabled is False  # 4D 20 R4 does not read the file


def test_a_rule_for_some_urls_only_is_not_read_as_hsts(project_factory):
    root = on("21", project_factory)
    (root / RULES).write_text(json.dumps([{"regexPattern": "/shop/(.*)",
                                           "setHeaders": {"Strict-Transport-Security": "max-age=31536000"}}]))
    assert load_project(root).settings.web_hsts_enabled is False


def test_hsts_on_in_the_sidecar_without_a_rule_gets_words(project_factory):
    root = on("21", project_factory)
    save(root, **{"web.hsts_enabled": True})
    (root / RULES).write_text("[]")
    assert any("no Strict-Transport-Security rule for all URLs" in n for n in load_project(root).notices)
