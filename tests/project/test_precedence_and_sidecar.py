"""4D's precedence of user settings, the sidecar file and its versions, and the generated 4D method."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, run_cli, tree_bytes

from tlsgui.model.settings import Source
from tlsgui.project.store import load_project, save_project

USER = "Settings/settings.4DSettings"
DATA = "Data/Settings/settings.4DSettings"
SIDECAR = "Project/Sources/tls-settings.json"
METHOD = "Project/Sources/Methods/TLS_ApplySettings.4dm"


@pytest.fixture
def with_user_settings(project_factory):
    root = project_factory((FIXTURES / "settings" / "costasmano_normal.4DSettings").read_text())
    (root / "Settings").mkdir()
    (root / USER).write_text((FIXTURES / "settings" / "costasmano_normal_user.4DSettings").read_text())
    return root


def test_user_settings_override_structure_when_enabled(with_user_settings):
    project = load_project(with_user_settings)
    assert project.user_settings_enabled
    assert project.settings.client_server_encryption is True
    assert project.sources["client_server.encryption"].source is Source.USER
    assert project.sources["client_server.port"].source is Source.STRUCTURE
    assert project.settings.client_server_port == 19613


def test_user_settings_for_the_data_file_win(with_user_settings):
    (with_user_settings / "Data" / "Settings").mkdir(parents=True)
    (with_user_settings / DATA).write_text(
        '<?xml version="1.0" encoding="UTF-8"?><preferences stamp="1"><com.4d><server><network>'
        '<client_server use_encryption="false"/></network></server></com.4d></preferences>')
    project = load_project(with_user_settings)
    assert project.settings.client_server_encryption is False
    assert project.sources["client_server.encryption"].source is Source.USER_DATA


def test_user_settings_are_ignored_without_the_structure_flag(with_user_settings):
    structure = with_user_settings / "Project/Sources/settings.4DSettings"
    structure.write_text(structure.read_text().replace('allow_user_settings="true"', 'allow_user_settings="false"'))
    project = load_project(with_user_settings)
    assert project.settings.client_server_encryption is False
    assert project.sources["client_server.encryption"].source is Source.STRUCTURE
    assert any("ignored" in n for n in project.notices)


def test_editing_a_user_overridden_value_writes_the_user_file(with_user_settings):
    structure = (with_user_settings / "Project/Sources/settings.4DSettings").read_bytes()
    project = load_project(with_user_settings)
    result = save_project(project, project.settings.replace(**{"client_server.encryption": False}))
    assert [p.name for p in result.written] == ["settings.4DSettings"]
    assert 'use_encryption="false"' in (with_user_settings / USER).read_text()
    assert 'stamp="4"' in (with_user_settings / USER).read_text()
    assert (with_user_settings / "Project/Sources/settings.4DSettings").read_bytes() == structure
    assert load_project(with_user_settings).settings.client_server_encryption is False


def test_sidecar_settings_round_trip_with_the_method(demo):
    project = load_project(demo)
    new = project.settings.replace(**{
        "web.hsts_enabled": True, "web.hsts_max_age": 31536000, "tls.min_version": "1.3",
        "tls.cipher_list": 'ECDHE-RSA-AES128-GCM-SHA256', "sql.tls_enabled": True,
    })
    save_project(project, new)
    data = json.loads((demo / SIDECAR).read_text())
    assert data["format"] == 1
    assert data["settings"]["web.hsts_max_age"] == 31536000
    method = (demo / METHOD).read_text()
    assert method.startswith("//%attributes = {}\n")
    for line in ("SET DATABASE PARAMETER(Min TLS version; TLSv1_3)",
                 'SET DATABASE PARAMETER(SSL cipher list; "ECDHE-RSA-AES128-GCM-SHA256")',
                 "WEB SET OPTION(Web HSTS enabled; 1)", "WEB SET OPTION(Web HSTS max age; 31536000)"):
        assert line in method.splitlines()
    assert "\r" not in method
    again = load_project(demo)
    assert again.settings == new
    assert again.sources["tls.min_version"].source is Source.SIDECAR


def test_sidecar_from_a_newer_version_is_refused_and_kept(demo):
    (demo / SIDECAR).write_text(json.dumps({"format": 7, "settings": {"web.hsts_enabled": True}}))
    before = tree_bytes(demo)
    project = load_project(demo)
    assert project.read_only
    assert "newer tlsgui (format 7" in str(project.error)
    done = run_cli("settings", demo, "set", "web.http_port=81")
    assert done.returncode == 2
    assert "newer tlsgui" in done.stderr
    assert tree_bytes(demo) == before


def test_sidecar_format_0_is_migrated(demo):
    (demo / SIDECAR).write_text(json.dumps({"web.hsts_enabled": True, "tls.min_version": "1.3"}))
    project = load_project(demo)
    assert project.settings.web_hsts_enabled and project.settings.tls_min_version == "1.3"
    assert any("format 0" in n for n in project.notices)
    save_project(project, project.settings.replace(**{"web.hsts_max_age": 31536000}))
    assert json.loads((demo / SIDECAR).read_text())["format"] == 1


@pytest.mark.parametrize("text, words", [
    ("{not json", "the JSON is malformed"),
    ("[1, 2]", "must hold a JSON object"),
    ('{"format": 1, "settings": {"web.hsts_max_age": "two years"}}', "web.hsts_max_age"),
    ('{"format": 1, "settings": {"tls.min_version": "1.4"}}', "not one of the allowed values"),
    ('{"format": "one"}', "is not a format number"),
])
def test_bad_sidecar_is_read_only_with_reason(demo, text, words):
    (demo / SIDECAR).write_text(text)
    project = load_project(demo)
    assert project.read_only and words in str(project.error) and "tls-settings.json" in str(project.error)


def test_unknown_sidecar_keys_are_kept(demo):
    (demo / SIDECAR).write_text(json.dumps({"format": 1, "settings": {"future.setting": [1, 2]}}))
    project = load_project(demo)
    save_project(project, project.settings.replace(**{"web.hsts_enabled": True}))
    assert json.loads((demo / SIDECAR).read_text())["settings"]["future.setting"] == [1, 2]


def test_cipher_list_quotes_are_escaped_for_4d(demo):
    project = load_project(demo)
    from tlsgui.project.method_file import render_method

    text = render_method(project.settings.replace(**{"tls.cipher_list": 'A"B\\C'}))
    assert 'SET DATABASE PARAMETER(SSL cipher list; "A\\"B\\\\C")' in text
