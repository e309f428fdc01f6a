"""Every validation rule and the predicted SSL Labs grade."""

from datetime import datetime, timedelta, timezone

import pytest

from tlsgui.model.facts import CertFacts, FileFacts
from tlsgui.model.profiles import INTERMEDIATE, INTERMEDIATE_CIPHERS, MODERN, profile_of
from tlsgui.model.settings import Settings
from tlsgui.policy.grade import predict_grade
from tlsgui.policy.validation import Severity, validate

NOW = datetime(2026, 11, 27, tzinfo=timezone.utc)
BASE = Settings().replace(**{"web.https_enabled": False})


def cert(**changes) -> CertFacts:
    values = dict(subject="CN=www.example.com", issuer="CN=Example CA", key_type="RSA", key_bits=2048,
                  not_before=NOW - timedelta(days=10), not_after=NOW + timedelta(days=80),
                  names=("www.example.com",), self_signed=False, signature_hash="sha256",
                  server_auth=True, matches_key=True)
    values.update(changes)
    return CertFacts(**values)


WITH_FILES = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(), read_at=NOW)


def found(settings, facts=None, severity=None):
    return [(p.severity.value, p.key, p.message) for p in validate(settings, facts or FileFacts(read_at=NOW))
            if severity is None or p.severity is severity]


def keys(settings, facts=None, severity=Severity.ERROR):
    return {p[1] for p in found(settings, facts, severity)}


def test_defaults_with_https_off_have_no_problem():
    assert found(BASE) == []


def test_https_port_zero_not_allowed_but_http_zero_is():
    assert keys(BASE.replace(**{"web.http_port": 0})) == set()
    s = BASE.replace(**{"web.https_enabled": True}, **{"web.https_port": 443})
    assert "web.https_port" not in keys(s, WITH_FILES)


@pytest.mark.parametrize("changes, key", [
    ({"web.http_port": 19812, "sql.launch_at_startup": True}, "sql.port"),
    ({"web.http_port": 19814}, "client_server.port"),  # client-server port + 1
    ({"web.http_port": 19815}, "client_server.port"),  # client-server port + 2
    ({"web.https_enabled": True, "web.https_port": 80}, "web.https_port"),
])
def test_two_servers_on_one_port(changes, key):
    problems = found(BASE.replace(**changes), WITH_FILES, Severity.ERROR)
    assert any("port" in m and "also used by" in m for _, _, m in problems), problems


def test_http_zero_means_80_for_collisions():
    s = BASE.replace(**{"web.http_port": 0, "web.https_enabled": True, "web.https_port": 80})
    assert any("also used by" in m for _, _, m in found(s, WITH_FILES))


def test_sql_port_ignored_when_sql_server_off():
    assert keys(BASE.replace(**{"web.http_port": 19812})) == set()


def test_client_server_port_needs_two_following_ports():
    assert "client_server.port" in keys(BASE.replace(**{"client_server.port": 65535}))


@pytest.mark.parametrize("key", ["web.https_enabled", "sql.tls_enabled"])
def test_tls_enabled_without_key_and_cert_uses_4ds_builtin_certificate(key):
    s = BASE.replace(**{key: True})
    problems = found(s, FileFacts(tls_folder="/p", read_at=NOW))
    assert [(sev, k) for sev, k, _ in problems if k == key] == [("warning", key)]
    assert any("4D uses its built-in certificate" in m for _, k, m in problems if k == key)
    only_key = FileFacts(tls_folder="/p", key_present=True, read_at=NOW)
    assert any("cert.pem is missing: 4D cannot use one without the other" in m
               for _, _, m in found(s, only_key, Severity.ERROR))


def test_hsts_rules():
    on = BASE.replace(**{"web.https_enabled": True, "web.hsts_enabled": True})
    assert found(on, WITH_FILES, Severity.WARNING) == []
    assert "web.hsts_enabled" in keys(on.replace(**{"web.https_enabled": False}), WITH_FILES)
    no_http = found(on.replace(**{"web.http_enabled": False}), WITH_FILES, Severity.WARNING)
    assert any("first visit" in m for _, _, m in no_http)
    short = found(on.replace(**{"web.hsts_max_age": 86400}), WITH_FILES, Severity.WARNING)
    assert any("under 180 days" in m for _, _, m in short)
    half = found(on.replace(**{"web.hsts_max_age": 15724800}), WITH_FILES, Severity.INFO)
    assert any("earns A+ but cannot be preloaded" in m for _, _, m in half)
    long = found(on.replace(**{"web.hsts_max_age": 3 * 31536000}), WITH_FILES, Severity.WARNING)
    assert any("over two years" in m for _, _, m in long)
    absurd = found(on.replace(**{"web.hsts_max_age": 11 * 31536000}), WITH_FILES, Severity.ERROR)
    assert any("over ten years" in m for _, _, m in absurd)


def test_min_tls_below_1_2_warns():
    assert "tls.min_version" in keys(BASE.replace(**{"tls.min_version": "1.1"}), severity=Severity.WARNING)
    assert "tls.min_version" not in keys(BASE, severity=Severity.WARNING)


@pytest.mark.parametrize("cipher_list, severity, words", [
    ("NOT-A-CIPHER", Severity.ERROR, "OpenSSL rejects"),
    ("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA257", Severity.ERROR, "does not know"),
    ("AES128-GCM-SHA256", Severity.WARNING, "no forward secrecy"),
    ("ECDHE-RSA-AES128-SHA", Severity.WARNING, "No TLS 1.2 suite is AEAD"),
    ("DHE-RSA-AES128-GCM-SHA256", Severity.WARNING, "no dhparams.pem"),
    ("ECDHE-RSA-AES128-GCM-SHA256:ADH-AES128-GCM-SHA256", Severity.ERROR, "would not be authenticated"),
    ("AES128-SHA:NULL-SHA256:@SECLEVEL=0", Severity.ERROR, "would not be encrypted"),
])
def test_cipher_list_rules(cipher_list, severity, words):
    s = BASE.replace(**{"web.https_enabled": True, "tls.cipher_list": cipher_list})
    messages = [m for sev, _, m in found(s, WITH_FILES) if sev == severity.value]
    assert any(words in m for m in messages), messages


def test_intermediate_profile_is_clean_and_dhparams_unused_is_noted():
    s = BASE.replace(**{"web.https_enabled": True, "tls.cipher_list": INTERMEDIATE_CIPHERS})
    assert found(s, WITH_FILES) == []
    with_dh = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(), dhparams_present=True,
                        dh_bits=2048, read_at=NOW)
    assert any("not used" in m for _, _, m in found(s, with_dh, Severity.INFO))


def test_cipher_list_has_no_effect_with_tls13_only():
    s = BASE.replace(**{"tls.min_version": "1.3", "tls.cipher_list": "AES128-SHA"})
    assert any("no effect" in m for _, _, m in found(s, severity=Severity.INFO))
    assert keys(s, severity=Severity.WARNING) == set()


def test_ecdsa_with_legacy_network_layer():
    s = BASE.replace(**{"client_server.encryption": True, "client_server.legacy_network_layer": True})
    ecdsa = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(key_type="ECDSA", key_bits=256),
                      read_at=NOW)
    assert "client_server.legacy_network_layer" in keys(s, ecdsa)
    assert "client_server.legacy_network_layer" not in keys(s, WITH_FILES)


@pytest.mark.parametrize("changes, severity, words", [
    (dict(not_after=NOW - timedelta(days=1)), Severity.ERROR, "expired"),
    # A 90-day certificate (notBefore moved): a 15-day one with 5 days left is not yet in its warning third.
    (dict(not_before=NOW - timedelta(days=85), not_after=NOW + timedelta(days=5)), Severity.WARNING,
     "expires in 5 days"),
    (dict(not_before=NOW + timedelta(days=2)), Severity.ERROR, "not valid before"),
    (dict(matches_key=False), Severity.ERROR, "does not belong to key.pem"),
    (dict(key_bits=1024), Severity.ERROR, "only 1024 bits"),
    (dict(signature_hash="sha1"), Severity.ERROR, "SHA1"),
    (dict(self_signed=True), Severity.WARNING, "development only"),
])
def test_certificate_rules(changes, severity, words):
    facts = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(**changes), read_at=NOW)
    messages = [m for sev, _, m in found(BASE, facts) if sev == severity.value]
    assert any(words in m for m in messages), messages


def test_host_names_not_covered_by_the_certificate():
    s = BASE.replace(**{"web.host_names": "www.example.com, shop.example.com"})
    messages = [m for _, _, m in found(s, WITH_FILES, Severity.WARNING)]
    assert messages == ["The certificate does not cover shop.example.com."]
    wildcard = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(names=("*.example.com",)),
                         read_at=NOW)
    assert found(s, wildcard, Severity.WARNING) == []


def test_key_in_git_and_small_dhparams():
    facts = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(), key_in_git=True,
                      dhparams_present=True, dh_bits=1024, read_at=NOW)
    assert {"files.key"} == keys(BASE, facts, Severity.WARNING)
    assert "files.dhparams" in keys(BASE, facts, Severity.ERROR)


def test_errors_come_first():
    s = BASE.replace(**{"web.https_enabled": True, "tls.min_version": "1.0", "tls.cipher_list": "NOPE"})
    severities = [p.severity for p in validate(s, FileFacts(read_at=NOW))]
    assert severities == sorted(severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index)


# --- predicted grade ---------------------------------------------------------------------------

HTTPS = BASE.replace(**{"web.https_enabled": True, "tls.cipher_list": INTERMEDIATE_CIPHERS})


def grade(settings, facts=WITH_FILES):
    return predict_grade(settings, facts)


def test_grade_a_and_a_plus():
    assert grade(HTTPS).grade == "A"
    assert "A+ needs HSTS" in grade(HTTPS).reasons[-1]
    hsts = HTTPS.replace(**{"web.hsts_enabled": True, "web.hsts_max_age": 31536000})
    assert grade(hsts).grade == "A+"
    assert grade(hsts.replace(**{"web.hsts_max_age": 15552000})).grade == "A+"
    assert grade(hsts.replace(**{"web.hsts_max_age": 15551999})).grade == "A"


@pytest.mark.parametrize("changes, facts_changes, expected, words", [
    ({"tls.min_version": "1.0"}, {}, "B", "TLS 1.0 and 1.1 accepted"),
    ({"tls.cipher_list": "AES128-GCM-SHA256"}, {}, "A", "TLS 1.3 (always on in 4D) has it, so no cap"),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-SHA"}, {}, "A", "No TLS 1.2 suite is AEAD"),
    ({"tls.cipher_list": "AES128-SHA:NULL-SHA256:@SECLEVEL=0"}, {}, "F", "would not be encrypted"),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA"}, {}, "C", "RC4 suites (RC4-SHA)"),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA"}, {}, "C", "3DES suites (DES-CBC3-SHA)"),
    ({}, {"key_bits": 1024}, "B", "1024 bits"),
    ({}, {"signature_hash": "md5"}, "F", "MD5"),
])
def test_grade_caps(changes, facts_changes, expected, words):
    facts = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(**facts_changes), read_at=NOW)
    result = grade(HTTPS.replace(**changes), facts)
    assert result.grade == expected
    assert any(words in r for r in result.reasons), result.reasons


def test_grade_self_signed_is_t_with_trusted_grade():
    facts = FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=cert(self_signed=True), read_at=NOW)
    result = grade(HTTPS, facts)
    assert (result.grade, result.if_trusted) == ("T", "A")


def test_no_grade_without_https_or_with_half_a_pair():
    assert grade(BASE).grade == "-"
    assert grade(HTTPS, FileFacts(key_present=True, read_at=NOW)).grade == "-"


def test_grade_with_4ds_builtin_certificate_is_not_trusted():
    result = grade(HTTPS, FileFacts(read_at=NOW))
    assert result.grade == "T" and result.reasons[0].startswith("4D's built-in certificate")


def test_profiles_are_derived_from_values():
    assert profile_of("1.3", "") is MODERN
    assert profile_of("1.2", INTERMEDIATE_CIPHERS) is INTERMEDIATE
    assert profile_of("1.2", "").name == "4d_default"
    assert profile_of("1.2", "HIGH").name == "custom"


def test_cbc_and_rsa_key_exchange_are_said_without_a_cap():
    # Issue 16 item 8: scanners list them as weak and Mozilla's Intermediate profile excludes them; no grade cap.
    builtin = found(HTTPS.replace(**{"tls.cipher_list": ""}), WITH_FILES, Severity.INFO)
    assert any(m.startswith("4D's built-in list (predicted as OpenSSL's default) has ") and "CBC suite(s)" in m
               and "RSA key exchange" in m for _, _, m in builtin), builtin
    custom = found(HTTPS.replace(**{"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA"}), WITH_FILES,
                   Severity.INFO)
    assert any("1 CBC suite(s), e.g. AES128-SHA" in m and "1 with RSA key exchange" in m for _, _, m in custom)
    assert found(HTTPS, WITH_FILES, Severity.INFO) == []  # the Intermediate profile: nothing to say
    assert grade(HTTPS.replace(**{"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA"})).grade == "A"
