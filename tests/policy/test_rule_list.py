"""Validation and the predicted grade are two views of one rule list; the facts they share are the policy's."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tlsgui.model.facts import CertFacts, FileFacts
from tlsgui.model.settings import Settings
from tlsgui.policy import limits
from tlsgui.policy.files import dhparams_used
from tlsgui.policy.grade import predict_grade
from tlsgui.policy.rules import findings
from tlsgui.policy.validation import validate

NOW = datetime(2026, 11, 27, tzinfo=timezone.utc)
HTTPS = Settings().replace(**{"web.https_enabled": True})


def facts(**cert_changes) -> FileFacts:
    values = dict(subject="CN=a", issuer="CN=CA", key_type="RSA", key_bits=2048, not_before=NOW - timedelta(days=1),
                  not_after=NOW + timedelta(days=80), names=("a",), self_signed=False, signature_hash="sha256")
    values.update(cert_changes)
    return FileFacts(tls_folder="/p", key_present=True, cert_present=True, cert=CertFacts(**values), read_at=NOW)


CAPPING = [
    ({"tls.min_version": "1.1"}, {}, "B", "tls.min_version"),
    ({"tls.cipher_list": "AES128-SHA:NULL-SHA256:@SECLEVEL=0"}, {}, "F", "tls.cipher_list"),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:ADH-AES128-GCM-SHA256:@SECLEVEL=0"}, {}, "F",
     "tls.cipher_list"),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA"}, {}, "C", "tls.cipher_list"),
    ({}, {"key_bits": 1024}, "B", "files.cert"),
    ({}, {"signature_hash": "md5"}, "F", "files.cert"),
]


@pytest.mark.parametrize("changes, cert_changes, grade, key", CAPPING)
def test_every_grade_cap_is_a_validation_problem_too(changes, cert_changes, grade, key):
    settings, file_facts = HTTPS.replace(**changes), facts(**cert_changes)
    found = findings(settings, file_facts)
    capping = [f for f in found if f.cap == grade]
    assert capping and all(f.severity is not None and f.key == key for f in capping)
    assert set(capping) <= set(validate(settings, file_facts))
    assert predict_grade(settings, file_facts).grade == grade
    assert predict_grade(settings, file_facts, found) == predict_grade(settings, file_facts)


def test_the_grade_reads_the_same_findings_it_is_given():
    # Hand the grade a list without the capping finding: the grade changes, so it reads the list, not its own copy.
    settings, file_facts = HTTPS.replace(**{"tls.min_version": "1.0"}), facts()
    found = findings(settings, file_facts)
    assert predict_grade(settings, file_facts, found).grade == "B"
    assert predict_grade(settings, file_facts, [f for f in found if f.cap != "B"]).grade == "A"


def test_dh_minimum_is_one_number():
    below = facts()
    below = FileFacts(**{**below.__dict__, "dh_bits": limits.MIN_DH_BITS - 1})
    at = FileFacts(**{**below.__dict__, "dh_bits": limits.MIN_DH_BITS})
    assert any(p.key == "files.dhparams" for p in validate(HTTPS, below))
    assert not any(p.key == "files.dhparams" and p.severity.value == "error" for p in validate(HTTPS, at))
    assert predict_grade(HTTPS, below).grade == "B" and predict_grade(HTTPS, at).grade == "A"


@pytest.mark.parametrize("changes, used", [
    ({}, True),  # 4D's built-in list (predicted as OpenSSL's DEFAULT) has DHE suites
    ({"tls.min_version": "1.3"}, False),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256"}, False),
    ({"tls.cipher_list": "ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256"}, True),
])
def test_whether_dhparams_is_used(changes, used):
    assert dhparams_used(HTTPS.replace(**changes)) is used


@pytest.mark.parametrize("key_type, bits, words", [
    ("RSA", 1024, "RSA key has only 1024 bits"),
    ("ECDSA", 192, "ECDSA key has only 192 bits"),
    ("Ed25519", 0, "key type (Ed25519) is not supported by 4D"),
])
def test_validation_and_the_install_checks_refuse_the_same_keys(key_type, bits, words):
    # crypto/checks.py refuses these three before an install (from the certificate itself); validation
    # refuses them once installed (from CertFacts): both ask policy/certificates.py.
    problems = [p for p in validate(HTTPS, facts(key_type=key_type, key_bits=bits)) if p.key == "files.cert"]
    assert [p.severity.value for p in problems if words in p.message] == ["error"], problems
