"""The predicted grade (`check`) follows SSL Labs' rating guide and equals the grade of what the probe observes."""

from __future__ import annotations

import json

from conftest import run_cli

from tlsgui.preview.probe import probe_project

NULL_LIST = "AES128-SHA:NULL-SHA256:@SECLEVEL=0"


def predicted(root) -> dict:
    done = run_cli("check", root, "--json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def observed(root) -> dict:
    return probe_project(root).listener("web_https").facts["grade"]


def test_tls12_list_without_forward_secrecy_or_aead_is_not_capped_while_tls13_is_on(tls_project, pki):
    # Defect 1: predicted B although modern clients negotiate TLS 1.3 (forward secret, AEAD) and scanners cap nothing.
    root = tls_project(tls__cipher_list="AES128-SHA")
    data = predicted(root)
    assert data["grade"]["grade"] == "T" and data["grade"]["if_trusted"] == "A+", data["grade"]
    warnings = [p["message"] for p in data["problems"] if p["severity"] == "warning"]
    assert any("clients limited to TLS 1.2 get no forward secrecy" in m for m in warnings), warnings
    seen = observed(root)
    assert (seen["grade"], seen["if_trusted"]) == ("T", "A+"), seen


def test_null_suites_are_f_with_an_error(tls_project):
    # Defect 2: NULL-SHA256 was negotiated, `check` raised nothing and predicted C ("weaker than 128 bits").
    root = tls_project(tls__cipher_list=NULL_LIST)
    data = predicted(root)
    errors = [p["message"] for p in data["problems"] if p["severity"] == "error"]
    assert "NULL suites (NULL-SHA256): traffic would not be encrypted." in errors, errors
    assert data["ok"] is False and data["grade"]["if_trusted"] == "F"
    assert not any("weaker than 128 bits" in r for r in data["grade"]["reasons"])
    assert observed(root)["if_trusted"] == "F"


def test_182_days_of_hsts_earn_a_plus(tls_project):
    # Defect 3: tlsgui asked for a year; SSL Labs' (and testssl.sh's) rule is 180 days (15552000 s).
    root = tls_project(web__hsts_max_age=182 * 86400)
    data = predicted(root)
    assert data["grade"]["if_trusted"] == "A+", data["grade"]
    assert observed(root)["if_trusted"] == "A+"
    shorter = tls_project(web__hsts_max_age=15552000 - 1)
    assert predicted(shorter)["grade"]["if_trusted"] == "A" and observed(shorter)["if_trusted"] == "A"
