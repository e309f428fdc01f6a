"""A developer creates a pending key and a certificate request; openssl checks what tlsgui wrote."""

from __future__ import annotations

import stat

import pytest
from conftest import run_cli, tree_bytes

from crypto.conftest import cli, openssl, out
from tlsgui.crypto.csr import CsrFields, build_csr, csr_summary, csr_warnings, load_csr, san_suggestions
from tlsgui.crypto.keys import generate_key
from tlsgui.errors import TlsguiError
from tlsgui.project.locate import ProjectPaths
from tlsgui.project.pending import get_pending, list_pending


def test_key_then_csr_end_to_end(demo):
    done = run_cli("key", demo)
    assert done.returncode == 0, done.stderr
    pending = list_pending(ProjectPaths(demo))
    assert len(pending) == 1
    key_file = pending[0].key_path
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert "RSA 2048-bit" in done.stdout
    assert openssl("pkey", "-in", key_file, "-noout").returncode == 0
    assert "Private-Key: (2048 bit" in out(openssl("pkey", "-in", key_file, "-noout", "-text"))

    done = run_cli("csr", demo, "--cn", "www.example.com", "--country", "FR", "--state", "Ile-de-France",
                   "--locality", "Paris", "--org", "Acme", "--unit", "IT", "--email", "it@example.com",
                   "--san", "DNS:shop.example.com,IP:203.0.113.7", "--out", demo.parent / "request.csr")
    assert done.returncode == 0, done.stderr
    for path in (pending[0].csr_path, demo.parent / "request.csr"):
        verified = openssl("req", "-in", path, "-verify", "-noout")
        assert "verify OK" in out(verified), out(verified)  # exits 0 even on a bad signature
    text = out(openssl("req", "-in", pending[0].csr_path, "-noout", "-text"))
    assert "C = FR, ST = Ile-de-France, L = Paris, O = Acme, OU = IT, CN = www.example.com" in text
    assert "DNS:www.example.com, DNS:shop.example.com, IP Address:203.0.113.7" in text
    assert "sha256WithRSAEncryption" in text
    # The readable summary printed by `csr`.
    assert "common name   www.example.com" in done.stdout
    assert "names (SAN)   www.example.com, shop.example.com, 203.0.113.7" in done.stdout
    assert "signature     SHA256, valid" in done.stdout
    assert "-----BEGIN CERTIFICATE REQUEST-----" in done.stdout


@pytest.mark.parametrize("args, words", [
    (("--type", "ecdsa"), "ECDSA P-256"),
    (("--type", "ecdsa", "--curve", "p384"), "ECDSA P-384"),
    (("--bits", "3072"), "RSA 3072-bit"),
])
def test_key_types(capsys, demo, args, words):
    code, stdout, _ = cli(capsys, "key", demo, *args)
    assert code == 0 and words in stdout
    key_file = get_pending(ProjectPaths(demo)).key_path
    assert openssl("pkey", "-in", key_file, "-noout").returncode == 0


def test_several_pending_keys_newest_used(capsys, demo):
    cli(capsys, "key", demo)
    cli(capsys, "key", demo, "--type", "ecdsa")
    pending = list_pending(ProjectPaths(demo))
    assert len(pending) == 2 and "ecdsa" in pending[0].id
    code, stdout, _ = cli(capsys, "csr", demo, "--cn", "a.example.com")
    assert code == 0 and "ECDSA P-256" in stdout
    assert pending[0].csr_path.is_file() and not pending[1].csr_path.is_file()
    code, stdout, _ = cli(capsys, "csr", demo, "--cn", "a.example.com", "--pending", pending[1].id)
    assert code == 0 and "RSA 2048-bit" in stdout


@pytest.mark.parametrize("args, words", [
    (("--bits", "1024"), "An RSA key of 1024 bits is too weak"),
    (("--bits", "2049"), "2049 bits is not an offered RSA size"),
    (("--type", "ecdsa", "--bits", "2048"), "--bits applies to RSA keys only"),
])
def test_key_refused(capsys, demo, args, words):
    before = tree_bytes(demo)
    code, _, err = cli(capsys, "key", demo, *args)
    assert code == 2 and words in err
    assert tree_bytes(demo) == before


@pytest.mark.parametrize("args, words", [
    (("--cn", "www.example.com", "--country", "FRA"), "The country 'FRA' is not a 2-letter ISO 3166 code"),
    (("--cn", ""), "The common name is empty"),
    (("--cn", "   "), "The common name is empty"),
    (("--cn", "www.example.com", "--san", "DNS:bad_name!.example"), "SAN 'DNS:bad_name!.example' is not a valid "
                                                                    "host name or IP address"),
    (("--cn", "www.example.com", "--san", "IP:300.1.2.3"), "SAN 'IP:300.1.2.3' is not a valid IP address"),
    (("--cn", "www.example.com", "--email", "nobody"), "'nobody' is not an e-mail address"),
])
def test_csr_bad_fields_change_nothing(capsys, demo, args, words):
    cli(capsys, "key", demo)
    before = tree_bytes(demo)
    code, _, err = cli(capsys, "csr", demo, *args)
    assert code == 2, err
    assert words in err
    assert "Traceback" not in err
    assert tree_bytes(demo) == before


def test_csr_without_pending_key(capsys, demo):
    before = tree_bytes(demo)
    code, _, err = cli(capsys, "csr", demo, "--cn", "www.example.com")
    assert code == 2 and "There is no pending private key" in err and "tlsgui key PROJECT" in err
    assert tree_bytes(demo) == before


def test_cn_always_a_san_and_warnings():
    key = generate_key("ecdsa")
    csr = load_csr(build_csr(key, CsrFields("*.example.com")))
    summary = csr_summary(csr)
    assert summary["names"] == ["*.example.com"]
    assert any("is a wildcard" in w for w in summary["warnings"])

    csr = load_csr(build_csr(key, CsrFields("192.0.2.10")))
    warnings = csr_warnings(csr)
    assert summary_has(warnings, "The common name 192.0.2.10 is an IP address")
    assert csr_summary(csr)["names"] == ["192.0.2.10"]

    warnings = csr_warnings(load_csr(build_csr(key, CsrFields("fileserver", sans=("intranet.local",)))))
    assert summary_has(warnings, "fileserver, intranet.local: internal-only name(s)")

    assert csr_warnings(load_csr(build_csr(key, CsrFields("www.example.com")))) == []


def test_missing_san_warned_for_a_foreign_csr(tmp_path):
    key_file = tmp_path / "k.pem"
    done = openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key_file, "-subj", "/CN=www.example.com")
    assert done.returncode == 0
    warnings = csr_warnings(load_csr(done.stdout))
    assert summary_has(warnings, "The request has no subjectAltName")


def test_san_suggestions_from_host_names():
    assert san_suggestions("www.example.com, example.com,shop.example.com", "www.example.com") == [
        "example.com", "shop.example.com"]


def test_csr_library_errors_are_tlsgui_errors():
    with pytest.raises(TlsguiError, match="not a readable certificate request"):
        load_csr(b"\x30\x03garbage")


def summary_has(lines: list[str], words: str) -> bool:
    return any(words in line for line in lines)


def test_csr_suggests_project_host_names_and_json(capsys, demo):
    import json

    cli(capsys, "settings", demo, "set", "web.host_names=www.example.com, shop.example.com")
    code, stdout, _ = cli(capsys, "key", demo, "--json")
    key_info = json.loads(stdout)
    assert code == 0 and key_info["key"] == "RSA 2048-bit" and key_info["format"] == 1
    code, stdout, _ = cli(capsys, "csr", demo, "--cn", "www.example.com")
    assert "suggestion: this project's host names also include shop.example.com" in stdout
    assert "--san DNS:shop.example.com" in stdout
    code, stdout, _ = cli(capsys, "csr", demo, "--cn", "www.example.com", "--san", "shop.example.com", "--json")
    data = json.loads(stdout)
    assert data["suggestions"] == [] and data["pending"] == key_info["id"]
    assert data["summary"]["names"] == ["www.example.com", "shop.example.com"]
    assert "verify OK" in out(openssl("req", "-verify", "-noout", input=data["pem"].encode()))
