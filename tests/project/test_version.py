"""The project's 4D version: the .4DProject hint, the tlsgui setting over it, and bad input of both."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, tree_bytes
from corpus import PROJECTS, copy_project

from tlsgui.errors import TlsguiError
from tlsgui.model.release import Release, normalize_release, parse_release
from tlsgui.policy.versions import ASSUMED, release_from_compatibility
from tlsgui.project.store import load_project, save_project


@pytest.mark.parametrize(("text", "release"), [
    ("19", Release(19)), ("19 R8", Release(19, 8)), ("20R4", Release(20, 4)), ("v20 r4", Release(20, 4)),
    (" 21 LTS ", Release(21)), ("21 R3", Release(21, 3)), ("20 R10", Release(20, 10)),
])
def test_release_names(text, release):
    assert parse_release(text) == release
    assert normalize_release(text) == str(release)


@pytest.mark.parametrize("text", ["banana", "20 R0", "2130", "20 R", "R4", "5", "20.4", "21 R 3 4"])
def test_bad_release_names_get_words(text):
    with pytest.raises(TlsguiError, match="is not a 4D release") as info:
        parse_release(text)
    assert "20R4 is fine too" in info.value.fix


def test_releases_are_ordered_as_4d_ships_them():
    assert Release(20) < Release(20, 2) < Release(20, 10) < Release(21) < Release(21, 3)
    assert str(Release(20, 4)) == "20 R4" and str(Release(21)) == "21"


@pytest.mark.parametrize(("value", "release"), [
    (1830, Release(18, 3)), (2050, Release(20, 5)), (2130, Release(21, 3)), (2000, Release(20)),
    (2100, Release(21)), (1902, Release(19)), (2001, Release(20)), ("20A0", None), (True, None), (99, None),
    (123456, None), (None, None), (20.5, None),
])
def test_compatibility_version_hint(value, release):
    assert release_from_compatibility(value) == release


def test_hints_over_the_corpus(tmp_path):
    """31 of the 63 .4DProject files carry compatibilityVersion; one of them is the string "20A0"."""
    known, unknown_with_words, none = [], [], []
    for project in PROJECTS:
        loaded = load_project(copy_project(project.name, tmp_path))
        version = loaded.version
        if version.release is not None:
            assert version.source == "project file" and "compatibilityVersion" in version.detail
            known.append(str(version.release))
        elif loaded.version_hint.notice:
            assert any('compatibilityVersion "20A0"' in n for n in loaded.notices)
            unknown_with_words.append(project.name)
        else:
            assert version.source == "unknown"
            none.append(project.name)
    assert len(known) == 30 and unknown_with_words == ["miyako__4D-Demo-AI-People-Skills"] and len(none) == 32
    assert {"18 R3", "20 R5", "21 R3", "20", "21", "19"} <= set(known)


def test_setting_overrides_the_hint_and_is_saved_as_4d_writes_it(tmp_path):
    root = copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path)
    project = load_project(root)
    assert (str(project.version.release), project.version.source) == ("21 R3", "project file")
    save_project(project, project.settings.replace(**{"project.4d_version": "20r4"}))
    sidecar = json.loads((root / "Project/Sources/tls-settings.json").read_text())
    assert sidecar["settings"]["project.4d_version"] == "20 R4"
    again = load_project(root)
    assert (again.version.release, again.version.source) == (Release(20, 4), "tlsgui setting")


def test_unknown_version_says_what_is_assumed(project_factory):
    project = load_project(project_factory(None))
    assert project.version.release is None and project.version.effective == ASSUMED
    assert f"assume 4D {ASSUMED}" in project.version.describe()
    assert project.version.as_json() == {"value": None, "source": "unknown", "detail": None}


def test_project_file_that_is_not_json_gets_words(project_factory):
    root = project_factory(None)
    (root / "Project" / "App.4DProject").write_text("{ not json")
    project = load_project(root)
    assert project.version.release is None
    assert any("App.4DProject is not JSON" in n for n in project.notices)


def test_cli_shows_the_version_and_refuses_banana(tmp_path):
    root = copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path)
    shown = json.loads(run_cli("settings", root, "--json").stdout)
    assert shown["4d_version"]["value"] == "21 R3" and shown["4d_version"]["source"] == "project file"
    assert shown["settings"]["project.4d_version"]["value"] == ""
    before = tree_bytes(root)
    refused = run_cli("settings", root, "set", "project.4d_version=banana")
    assert refused.returncode == 2 and "'banana' is not a 4D release" in refused.stderr
    assert tree_bytes(root) == before
    assert run_cli("settings", root, "set", "project.4d_version=20R4").returncode == 0
    shown = json.loads(run_cli("settings", root, "--json").stdout)
    assert shown["4d_version"] == {"value": "20 R4", "source": "tlsgui setting", "detail": "project.4d_version"}
    checked = json.loads(run_cli("check", root, "--json").stdout)
    assert checked["4d_version"]["value"] == "20 R4"


def test_banana_in_a_hand_edited_sidecar_opens_read_only(project_factory):
    root = project_factory(None)
    (root / "Project/Sources/tls-settings.json").write_text(
        '{"format": 1, "settings": {"project.4d_version": "banana"}}')
    before = tree_bytes(root)
    project = load_project(root)
    assert project.read_only and "'banana' is not a 4D release" in str(project.error)
    with pytest.raises(TlsguiError):
        save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert tree_bytes(root) == before


def test_an_unset_minimum_tls_version_is_the_releases_default_and_stays_unstored(tmp_path):
    root = copy_project("4d-depot__4D-Demo-AI-Automation", tmp_path)  # 21 R3
    assert load_project(root).settings.tls_min_version == "1.3"
    assert run_cli("settings", root, "set", "project.4d_version=19").returncode == 0
    stored = json.loads((root / "Project/Sources/tls-settings.json").read_text())["settings"]
    assert stored == {"project.4d_version": "19"}
    project = load_project(root)
    assert project.settings.tls_min_version == "1.2" and project.sources["tls.min_version"].source.value == "default"
    method = (root / "Project/Sources/Methods/TLS_ApplySettings.4dm").read_text()
    assert "Min TLS version" not in method and "// Nothing to apply" in method
