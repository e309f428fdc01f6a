"""Version-dependent behaviour for 4D 19, 20, 20 R4 and 21, and zero errors over the 63 real projects."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from corpus import PROJECTS, copy_project

from tlsgui.model.facts import CertFacts, FileFacts
from tlsgui.model.release import Release
from tlsgui.model.settings import Settings
from tlsgui.policy.applied import method_keys
from tlsgui.policy.grade import predict_grade
from tlsgui.policy.validation import validate
from tlsgui.policy.versions import (
    FACTS,
    default_min_tls,
    default_min_tls_label,
    holds,
    install_locations,
    release_from_compatibility,
)
from tlsgui.project.facts import gather_facts
from tlsgui.project.store import load_project

NOW = datetime(2026, 12, 1, tzinfo=timezone.utc)
ALL_ON = Settings().replace(**{"web.https_enabled": True, "client_server.encryption": True,
                               "sql.tls_enabled": True, "sql.launch_at_startup": True})
R19, R20, R20R4, R21 = Release(19), Release(20), Release(20, 4), Release(21)
UNWIRED = (("onStartup.4dm", False), ("onServerStartup.4dm", False))
WIRED = (("onStartup.4dm", True), ("onServerStartup.4dm", True))


def problems(settings, release, **facts):
    return [(p.severity.value, p.key) for p in validate(settings, FileFacts(tls_folder="/p", read_at=NOW,
                                                                             release=release, **facts))]


@pytest.mark.parametrize(("release", "expected"), [
    (R19, [("warning", "web.https_enabled"), ("warning", "sql.tls_enabled"), ("warning", "client_server.encryption")]),
    (R20, [("warning", "web.https_enabled"), ("warning", "sql.tls_enabled"), ("info", "client_server.encryption")]),
    (R20R4, [("warning", "web.https_enabled")]),
    (R21, [("warning", "web.https_enabled")]),
])
def test_tls_without_own_files_per_release(release, expected):
    found = [p for p in problems(ALL_ON, release) if p[1] in ("web.https_enabled", "sql.tls_enabled",
                                                             "client_server.encryption")]
    assert sorted(found) == sorted(expected)
    assert not [p for p in problems(ALL_ON, release) if p[0] == "error"]


def test_unknown_release_says_what_it_assumed():
    found = validate(ALL_ON, FileFacts(tls_folder="/p", read_at=NOW))
    web = next(p for p in found if p.key == "web.https_enabled")
    assert "(4D 19 assumed: set project.4d_version" in web.message
    cs = next(p for p in found if p.key == "client_server.encryption")
    assert "4D uses its built-in certificate" in cs.message and "(4D 19 assumed" in cs.message


@pytest.mark.parametrize(("release", "error"), [(R19, True), (R20, True), (R20R4, False), (R21, False)])
def test_ecdsa_certificates_from_20_r4(release, error):
    cert = CertFacts(subject="CN=shop", issuer="CN=CA", names=("shop",), not_before=NOW.replace(year=2026, month=1),
                     not_after=NOW.replace(year=2027), key_type="ECDSA", key_bits=256, signature_hash="sha256",
                     self_signed=False, matches_key=True)
    facts = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert, read_at=NOW, release=release)
    messages = [p.message for p in validate(ALL_ON.replace(**{"client_server.encryption": False}), facts)
                if p.severity.value == "error"]
    assert any("supports from 20 R4 on" in m for m in messages) is error


@pytest.mark.parametrize(("release", "settings", "keys"), [
    (R19, {"tls.min_version": "1.3"}, ("tls.min_version",)),
    (R20, {"tls.min_version": "1.3"}, ()),  # 4D 20's own default
    (R21, {"tls.min_version": "1.2"}, ("tls.min_version",)),
    (R20R4, {"web.hsts_enabled": True}, ("web.hsts_enabled",)),
    (R21, {"web.hsts_enabled": True}, ()),  # HTTPRules.json carries it, no code needed
    (R21, {"tls.cipher_list": "ECDHE+AESGCM"}, ("tls.cipher_list",)),
])
def test_what_tls_applysettings_has_to_apply(release, settings, keys):
    s = Settings().replace(**{"tls.min_version": default_min_tls(release), **settings})
    assert method_keys(s, release) == keys
    startup = [p for p in problems(s, release, startup=UNWIRED) if p[1] == "files.startup"]
    assert startup == ([("warning", "files.startup")] if keys else [])
    assert not [p for p in problems(s, release, startup=WIRED) if p[1] == "files.startup"]


def test_only_one_startup_method_missing_names_who_will_not_apply():
    s = Settings().replace(**{"tls.cipher_list": "ECDHE+AESGCM"})
    found = validate(s, FileFacts(read_at=NOW, release=R20, startup=(("onStartup.4dm", True),
                                                                  ("onServerStartup.4dm", False))))
    warning = next(p for p in found if p.key == "files.startup")
    assert "onServerStartup.4dm does not call: 4D Server will not apply them" in warning.message
    assert "wire-startup" in warning.fix


def test_the_version_table():
    assert all(fact.source.startswith("https://") for fact in FACTS.values())
    assert (default_min_tls(R19), default_min_tls(R20), default_min_tls(R21)) == ("1.2", "1.3", "1.3")
    assert default_min_tls_label(Release(21, 3)) == "4D 21 R3 default: TLS 1.3"
    assert holds("app_server_files_in_resources", Release(20, 3)) and not holds("app_server_files_in_resources", R20R4)
    assert not holds("app_server_files_in_resources", Release(19, 8))  # the v19 page: next to the project folder
    assert not holds("http_rules_file", Release(20, 10)) and holds("http_rules_file", R21)
    assert [i.needs_files for i in install_locations(R20)] == [True, True, True]
    assert [i.needs_files for i in install_locations(R21)] == [True, False, False]
    assert "Resources folder" in install_locations(R20)[1].where
    assert install_locations(R19)[1].where == "next to the project folder"
    assert release_from_compatibility(2130) == Release(21, 3)


def test_builtin_certificate_grade_follows_the_rest():
    facts = FileFacts(read_at=NOW, release=R21)
    https = Settings().replace(**{"web.https_enabled": True, "web.hsts_enabled": True, "tls.min_version": "1.3"})
    grade = predict_grade(https, facts)
    assert grade.grade == "T" and grade.if_trusted == "A+"


def test_zero_errors_over_the_corpus(tmp_path):
    """All 63 real projects: no error, and the only warnings are HTTPS on with 4D's built-in certificate."""
    counts = {"error": 0, "warning": 0, "info": 0}
    warned = []
    for project in PROJECTS:
        loaded = load_project(copy_project(project.name, tmp_path))
        assert not loaded.read_only, (project.name, loaded.error)
        for problem in validate(loaded.settings, gather_facts(loaded)):
            counts[problem.severity.value] += 1
            if problem.severity.value == "warning":
                warned.append((project.name, problem.key))
                assert "4D uses its built-in certificate" in problem.message
    assert counts["error"] == 0
    assert sorted(warned) == [("4d-depot__HDI_RestrictData", "web.https_enabled"),
                              ("JannWegner__WebCATI", "web.https_enabled"),
                              ("blegay__acme_component", "web.https_enabled"),
                              ("rihab-ze__workPass-application", "web.https_enabled")]
    print(f"corpus: {counts}")


@pytest.mark.parametrize(("release", "noted"), [(R20R4, False), (R21, True)])
def test_hsts_through_http_rules_names_the_session_requirement(release, noted):
    s = Settings().replace(**{"web.https_enabled": True, "web.hsts_enabled": True})
    found = validate(s, FileFacts(read_at=NOW, release=release, key_present=True, cert_present=True))
    infos = [p.message for p in found if p.key == "web.hsts_enabled" and p.severity.value == "info"]
    assert bool(infos) is noted
    if noted:
        assert "HTTPRules.json" in infos[0] and "scalable sessions or no sessions" in infos[0]
