"""Installing what the CA sent: key.pem + cert.pem written safely, checked with openssl; bad input changes nothing."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest
from conftest import run_cli, tree_bytes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from crypto.conftest import NOW, cli, openssl, out, pem, pem_key
from tlsgui.crypto.csr import CsrFields, build_csr
from tlsgui.project.locate import ProjectPaths
from tlsgui.project.pending import list_pending


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_install_end_to_end_checked_with_openssl(pending_project, ca, tmp_path):
    root_file = write(tmp_path / "root.pem", pem(ca.root))
    bundle = write(tmp_path / "bundle.crt", pem(ca.root) + pem(ca.inter) + pem(ca.leaf))  # CA order: any
    done = run_cli("install", pending_project, bundle)
    assert done.returncode == 0, done.stderr
    key_file, cert_file = pending_project / "key.pem", pending_project / "cert.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert cert_file.read_bytes() == pem(ca.leaf) + pem(ca.inter)  # leaf, then intermediates, no root
    assert b"\r" not in cert_file.read_bytes()
    inter_file = write(tmp_path / "inter.pem", pem(ca.inter))
    verified = openssl("verify", "-CAfile", root_file, "-untrusted", inter_file, cert_file)
    assert verified.returncode == 0 and f"{cert_file}: OK" in out(verified)
    # the key in key.pem is the certificate's key
    assert out(openssl("pkey", "-in", key_file, "-pubout")) == out(openssl("x509", "-in", cert_file, "-noout",
                                                                            "-pubkey"))
    assert "Subject: CN = www.example.com" in out(openssl("x509", "-in", cert_file, "-noout", "-text"))
    assert list_pending(ProjectPaths(pending_project)) == []  # removed only after success
    assert "pending key" in done.stdout and "Left out the root certificate" in done.stdout
    assert "warning" not in done.stdout and "error" not in done.stdout


def test_leaf_alone_warns_about_the_missing_intermediate(capsys, pending_project, ca, tmp_path):
    code, stdout, _ = cli(capsys, "install", pending_project, write(tmp_path / "leaf.pem", pem(ca.leaf)))
    assert code == 0
    assert "warning  The issuer certificate (CN=tlsgui Test Intermediate) is not in the files" in stdout
    assert (pending_project / "cert.pem").read_bytes() == pem(ca.leaf)


def test_reinstall_backs_up_and_restore(capsys, pending_project, ca, tmp_path):
    assert cli(capsys, "selfsigned", pending_project)[0] == 0
    first = tree_bytes(pending_project)
    chain = write(tmp_path / "chain.pem", pem(ca.leaf) + pem(ca.inter))
    code, stdout, _ = cli(capsys, "install", pending_project, chain)
    assert code == 0 and "The previous files are in backup" in stdout
    code, stdout, _ = cli(capsys, "backups", pending_project, "--json")
    import json
    backups = json.loads(stdout)["backups"]
    assert len(backups) == 1 and backups[0]["reason"] == "before installing a certificate"
    assert cli(capsys, "backups", pending_project, "--restore", backups[0]["id"])[0] == 0
    restored = tree_bytes(pending_project)
    for name in ("key.pem", "cert.pem"):
        assert restored[name] == first[name]
    assert stat.S_IMODE((pending_project / "key.pem").stat().st_mode) == 0o600


def test_install_pkcs12_and_pkcs7_and_der(capsys, demo, ca, tmp_path):
    pfx = pkcs12.serialize_key_and_certificates(b"www", ca.leaf_key, ca.leaf, [ca.inter],
                                                serialization.BestAvailableEncryption(b"pfx pass"))
    pw = write(tmp_path / "pw.txt", b"pfx pass\n")
    code, _, err = cli(capsys, "install", demo, write(tmp_path / "site.pfx", pfx), "--password-file", pw)
    assert code == 0, err
    assert (demo / "cert.pem").read_bytes() == pem(ca.leaf) + pem(ca.inter)
    p7b = write(tmp_path / "chain.p7b", pkcs7.serialize_certificates([ca.inter, ca.leaf], serialization.Encoding.DER))
    key = write(tmp_path / "key.pem", pem_key(ca.leaf_key, b"key pass"))
    code, _, err = cli(capsys, "install", demo, p7b, "--key", key, "--password-file", pw)
    assert code == 2 and "The password does not open this private key" in err
    pw2 = write(tmp_path / "pw2.txt", b"key pass")
    code, _, err = cli(capsys, "install", demo, write(tmp_path / "leaf.cer", ca.leaf.public_bytes(
        serialization.Encoding.DER)), write(tmp_path / "inter.cer", ca.inter.public_bytes(serialization.Encoding.DER)),
        "--key", key, "--password-file", pw2)
    assert code == 0, err
    assert (demo / "cert.pem").read_bytes() == pem(ca.leaf) + pem(ca.inter)
    assert openssl("pkey", "-in", demo / "key.pem", "-noout").returncode == 0  # stored unencrypted for 4D


def test_expired_needs_force(capsys, pending_project, ca, tmp_path):
    expired = write(tmp_path / "old.pem", pem(ca.issue("www.example.com", start=NOW - timedelta(days=100))) +
                    pem(ca.inter))
    before = tree_bytes(pending_project)
    code, _, err = cli(capsys, "install", pending_project, expired)
    assert code == 2 and "The certificate expired on" in err and "add --force" in err
    assert tree_bytes(pending_project) == before
    code, stdout, _ = cli(capsys, "install", pending_project, expired, "--force")
    assert code == 0 and "error    The certificate expired on" in stdout
    assert (pending_project / "cert.pem").is_file()


def test_export(capsys, pending_project, ca, tmp_path):
    target = tmp_path / "client"
    code, _, err = cli(capsys, "export", pending_project, target)
    assert code == 2 and "There is no cert.pem or key.pem to export" in err
    cli(capsys, "install", pending_project, write(tmp_path / "c.pem", pem(ca.leaf) + pem(ca.inter)))
    code, _, err = cli(capsys, "export", pending_project, target)
    assert code == 2 and "The export folder does not exist" in err
    target.mkdir()
    assert cli(capsys, "export", pending_project, target)[0] == 0
    assert (target / "cert.pem").read_bytes() == (pending_project / "cert.pem").read_bytes()
    assert stat.S_IMODE((target / "key.pem").stat().st_mode) == 0o600
    (target / "cert.pem").write_bytes(b"someone else's\n")
    code, _, err = cli(capsys, "export", pending_project, target)
    assert code == 2 and "already holds a different cert.pem" in err
    assert (target / "cert.pem").read_bytes() == b"someone else's\n"


def test_certificate_folder_setting(capsys, pending_project, ca, tmp_path):
    folder = tmp_path / "tls"
    assert cli(capsys, "settings", pending_project, "set", f"web.certificate_folder={folder}")[0] == 0
    code, _, err = cli(capsys, "install", pending_project, write(tmp_path / "c.pem", pem(ca.leaf) + pem(ca.inter)))
    assert code == 0, err
    assert (folder / "cert.pem").is_file() and (folder / "key.pem").is_file()
    assert not (pending_project / "cert.pem").exists()


def _bad_inputs(ca, tmp_path):
    """Every bad input of the issue: file content, extra args, and the words expected."""
    text = pem(ca.leaf).decode()
    lines = text.splitlines()
    pfx_pw = pkcs12.serialize_key_and_certificates(b"x", ca.leaf_key, ca.leaf, None,
                                                   serialization.BestAvailableEncryption(b"right"))
    keyless = pkcs12.serialize_key_and_certificates(b"x", None, ca.issue("www.example.com", ca.other_key.public_key()),
                                                    None, serialization.NoEncryption())
    write(tmp_path / "wrong.txt", b"wrong\n")
    write(tmp_path / "enc.key", pem_key(ca.leaf_key, b"secret"))
    return {
        "empty": (b"", (), "The file is empty."),
        "garbage": (bytes(range(256)) * 8, (), "is neither PEM, DER, PKCS#7 nor PKCS#12"),
        "corrupted base64": (("\n".join(lines[:4] + ["@@@@" + lines[4][4:]] + lines[5:]) + "\n").encode(), (),
                             "block number 1 is damaged: its base64 text is corrupted"),
        "truncated": (("\n".join(lines[:10]) + "\n").encode(), (), "has no matching END line: the file is truncated"),
        "begin missing": (("\n".join(lines[1:]) + "\n").encode(), (),
                          "The line '-----BEGIN CERTIFICATE-----' is missing"),
        "csr": (build_csr(ca.leaf_key, CsrFields("www.example.com")), (), "This is a certificate request (CSR)"),
        "private key": (pem_key(ca.leaf_key), (), "The files hold no certificate, only a private key"),
        "other key": (pem(ca.issue("www.example.com", ca.other_key.public_key())), (),
                      "The certificate does not match the pending key"),
        "pkcs12 wrong password": (pfx_pw, ("--password-file", tmp_path / "wrong.txt"),
                                  "The password does not open this PKCS#12 file"),
        "pkcs12 no password": (pfx_pw, (), "The PKCS#12 file is protected by a password, and none was given"),
        "encrypted key without password": (pem(ca.leaf), ("--key", tmp_path / "enc.key"),
                                           "The private key is encrypted with a password, and none was given"),
        "over 1 MiB": (pem(ca.leaf) + b"\n" * (1024 * 1024), (), "limit 1 MiB"),
        "pkcs12 no key": (keyless, (), "The PKCS#12 file holds no private key, and this project has no pending key"),
    }


BAD_NAMES = ["empty", "garbage", "corrupted base64", "truncated", "begin missing", "csr", "private key", "other key",
             "pkcs12 wrong password", "pkcs12 no password", "encrypted key without password", "over 1 MiB"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_input_changes_nothing(capsys, pending_project, ca, tmp_path, name):
    cli(capsys, "selfsigned", pending_project)  # existing files that must survive untouched
    data, extra, words = _bad_inputs(ca, tmp_path)[name]
    before = tree_bytes(pending_project)
    code, stdout, err = cli(capsys, "install", pending_project, write(tmp_path / "input.bin", data), *extra)
    assert code == 2, stdout
    assert words in err, err
    assert "Traceback" not in err
    assert tree_bytes(pending_project) == before


def test_pkcs12_without_key_and_no_pending(capsys, demo, ca, tmp_path):
    data, extra, words = _bad_inputs(ca, tmp_path)["pkcs12 no key"]
    before = tree_bytes(demo)
    code, _, err = cli(capsys, "install", demo, write(tmp_path / "nokey.p12", data))
    assert code == 2 and words in err
    assert tree_bytes(demo) == before


def test_bad_input_through_the_real_cli(pending_project, tmp_path):
    before = tree_bytes(pending_project)
    done = run_cli("install", pending_project, write(tmp_path / "empty.pem", b""))
    assert done.returncode == 2 and "empty.pem: The file is empty." in done.stderr
    assert "Traceback" not in done.stderr
    assert tree_bytes(pending_project) == before


def test_cert_write_failure_keeps_the_old_pair(capsys, monkeypatch, pending_project, ca, tmp_path):
    import errno
    import os

    from tlsgui.project import transaction

    cli(capsys, "selfsigned", pending_project)
    before = tree_bytes(pending_project)
    real = os.replace

    def failing(src, dst, *args, **kwargs):
        # key.pem is renamed into place first; the disk then fails for cert.pem (audit D4: the pair had no
        # rollback for this, and "nothing was written" was printed over a new key.pem).
        if os.path.basename(dst) == "cert.pem":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(transaction.os, "replace", failing)
    code, _, err = cli(capsys, "install", pending_project, write(tmp_path / "c.pem", pem(ca.leaf) + pem(ca.inter)))
    assert code == 2 and "The disk is full" in err
    after = tree_bytes(pending_project)
    assert after["key.pem"] == before["key.pem"] and after["cert.pem"] == before["cert.pem"]
    assert list_pending(ProjectPaths(pending_project))  # the pending key is kept
    # "nothing was written" is the whole truth: no backup of an install that did not happen (D17)
    assert sorted(k for k in after if "backups" in k) == sorted(k for k in before if "backups" in k)


def test_install_json(capsys, pending_project, ca, tmp_path):
    import json

    code, stdout, _ = cli(capsys, "install", pending_project, write(tmp_path / "c.pem", pem(ca.inter) + pem(ca.leaf)),
                          "--json")
    data = json.loads(stdout)
    assert code == 0 and data["format"] == 1 and data["backup"] is None
    assert data["chain"] == ["CN=www.example.com", "CN=tlsgui Test Intermediate"]
    assert {c["check"]: c["severity"] for c in data["checks"]}["key"] == "ok"
    assert data["key_source"].startswith("pending key ")


def test_adding_forgotten_intermediates_uses_the_installed_key(capsys, pending_project, ca, tmp_path):
    assert cli(capsys, "install", pending_project, write(tmp_path / "leaf.pem", pem(ca.leaf)))[0] == 0
    assert list_pending(ProjectPaths(pending_project)) == []
    key_before = (pending_project / "key.pem").read_bytes()
    code, stdout, err = cli(capsys, "install", pending_project, write(tmp_path / "c.pem", pem(ca.leaf) + pem(ca.inter)))
    assert code == 0, err
    assert "from the installed key.pem" in stdout
    assert (pending_project / "cert.pem").read_bytes() == pem(ca.leaf) + pem(ca.inter)
    assert (pending_project / "key.pem").read_bytes() == key_before
