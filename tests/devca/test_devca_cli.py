"""`tlsgui devca create|status|trust|untrust` on a private HOME: real files, real certutil on a real NSS database."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest
from conftest import run_cli, tree_bytes
from crypto.conftest import cli, openssl, out

NICK_PREFIX = "tlsgui test development CA ["


def nss_list(db) -> str:
    done = subprocess.run(["certutil", "-L", "-d", f"sql:{db}"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout


def data_folder(home):
    return home / ".local" / "share" / "tlsgui" / "devca"


def test_create_writes_a_private_folder_and_refuses_to_overwrite(capsys, user_home):
    code, text, err = cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    assert code == 0, err
    folder = data_folder(user_home)
    assert f"in {folder}" in text and "SHA-256" in text
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "ca-key.pem").stat().st_mode) == 0o600
    assert "Name Constraints: critical" in out(openssl("x509", "-in", folder / "ca.pem", "-noout", "-text"))
    before = tree_bytes(folder)
    code, _, err = cli(capsys, "devca", "create")
    assert code == 2 and "A development CA already exists; tlsgui never replaces it" in err
    assert tree_bytes(folder) == before


def test_status_json_before_and_after_trust(capsys, user_home):
    code, text, _ = cli(capsys, "devca", "status", "--json")
    assert code == 1 and json.loads(text)["exists"] is False
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    code, text, err = cli(capsys, "devca", "status", "--json")
    status = json.loads(text)
    assert code == 0 and status["exists"] and status["name"] == "tlsgui test development CA"
    fingerprint = out(openssl("x509", "-in", status["certificate"], "-noout", "-fingerprint", "-sha256"))
    assert status["sha256"] == fingerprint.strip().split("=", 1)[1]
    enddate = out(openssl("x509", "-in", status["certificate"], "-noout", "-enddate", "-dateopt", "iso_8601"))
    assert enddate.split("=", 1)[1].startswith(status["not_after"][:10])
    nss = next(s for s in status["trust_stores"] if s["store"] == "NSS database")
    assert nss == {"store": "NSS database", "where": str(user_home / ".pki" / "nssdb"), "trusted": False}

    code, text, err = cli(capsys, "devca", "trust")
    assert code == 0, err
    assert "NSS database" in text and "now trusts the development CA" in text and "Undo: tlsgui devca untrust" in text
    assert (user_home / ".pki" / "nssdb" / "cert9.db").is_file()  # created, as Chrome would on first start
    listing = nss_list(user_home / ".pki" / "nssdb")
    assert NICK_PREFIX in listing and "C,," in listing
    code, text, _ = cli(capsys, "devca", "status", "--json")
    assert next(s for s in json.loads(text)["trust_stores"] if s["store"] == "NSS database")["trusted"] is True

    code, text, _ = cli(capsys, "devca", "trust")
    assert code == 0 and "already so, unchanged" in text
    code, text, err = cli(capsys, "devca", "untrust")
    assert code == 0 and "no longer trusts" in text, err
    assert NICK_PREFIX not in nss_list(user_home / ".pki" / "nssdb")


def test_trust_in_a_chosen_nss_db(capsys, user_home, tmp_path):
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    db = tmp_path / "profile" / "nssdb"
    code, text, err = cli(capsys, "devca", "trust", "--nss-db", db)
    assert code == 0 and str(db) in text, err
    assert NICK_PREFIX in nss_list(db)
    assert not (user_home / ".pki").exists()  # the default database was not touched
    code, text, _ = cli(capsys, "devca", "status", "--nss-db", db)
    assert f"NSS database {db}: trusts it" in text


def test_untrust_of_a_ca_that_is_not_there(capsys, user_home):
    code, _, err = cli(capsys, "devca", "untrust")
    assert code == 2 and "There is no development CA yet" in err and "tlsgui devca create" in err
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    code, _, err = cli(capsys, "devca", "untrust")
    assert code == 2 and "is not in any trust store tlsgui looked at" in err and "nothing was changed" in err
    code, _, err = cli(capsys, "devca", "trust", "--nss-db", user_home / "db")
    code, _, err = cli(capsys, "devca", "untrust")  # trusted elsewhere, not in the default database
    assert code == 2 and str(user_home / ".pki" / "nssdb") in err and "--nss-db DIR" in err
    assert NICK_PREFIX in nss_list(user_home / "db")


def test_certutil_missing_names_the_package(capsys, user_home, tmp_path, monkeypatch):
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, _, err = cli(capsys, "devca", "trust")
    assert code == 2 and "certutil is not installed" in err and "libnss3-tools" in err
    assert not (user_home / ".pki").exists()


@pytest.mark.parametrize("damage, words", [
    (lambda f: (f / "ca.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"),
     "The development CA certificate cannot be read"),
    (lambda f: (f / "ca.pem").write_bytes((f / "ca.pem").read_bytes()[:200]), "cannot be read"),
    (lambda f: (f / "ca-key.pem").write_bytes(b"garbage"), "The private key cannot be read"),
    (lambda f: (f / "ca-key.pem").unlink(), "The development CA's key is missing"),
])
def test_a_damaged_ca_is_refused_in_words_and_nothing_changes(capsys, user_home, demo, damage, words):
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    folder = data_folder(user_home)
    damage(folder)
    before, project_before = tree_bytes(user_home), tree_bytes(demo)
    for args in (("devca", "status"), ("devca", "trust"), ("devca", "untrust"), ("selfsigned", demo)):
        code, _, err = cli(capsys, *args)
        assert code == 2 and words in err, (args, err)
        assert "Traceback" not in err
    assert tree_bytes(user_home) == before and tree_bytes(demo) == project_before
    # --self-signed does not read the CA at all.
    code, _, err = cli(capsys, "selfsigned", demo, "--self-signed")
    assert code == 0, err


def test_a_foreign_ca_in_the_data_folder_is_refused(capsys, user_home, tmp_path, demo):
    """Someone copied another CA (here: a plain openssl CA, not name-constrained) into tlsgui's folder."""
    folder = data_folder(user_home)
    folder.mkdir(parents=True)
    done = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                           "-nodes", "-subj", "/CN=Some Corporate CA", "-days", "30", "-keyout",
                           str(folder / "ca-key.pem"), "-out", str(folder / "ca.pem")],
                          capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr
    before = tree_bytes(user_home)
    code, _, err = cli(capsys, "selfsigned", demo)
    assert code == 2 and "This is not a development CA made by tlsgui" in err and "CN=Some Corporate CA" in err
    code, _, err = cli(capsys, "devca", "trust")
    assert code == 2 and "not a development CA made by tlsgui" in err
    assert tree_bytes(user_home) == before and not (user_home / ".pki").exists()


def _read_only_runner():
    """As root, chmod does not stop writes; a user namespace without mapped ids does (an unprivileged user)."""
    return ["unshare", "--user"] if os.geteuid() == 0 else []


def test_read_only_nss_db_is_refused_and_left_as_it_was(capsys, user_home):
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    db = user_home / ".pki" / "nssdb"
    db.mkdir(parents=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, timeout=30)
    for path in db.iterdir():
        path.chmod(0o444)
    db.chmod(0o555)
    try:
        before = tree_bytes(db)
        done = subprocess.run([*_read_only_runner(), sys.executable, "-m", "tlsgui", "devca", "trust"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and "The NSS database is read-only" in done.stderr, done.stderr
        assert str(db) in done.stderr and "Traceback" not in done.stderr
        assert tree_bytes(db) == before and NICK_PREFIX not in nss_list(db)
    finally:
        db.chmod(0o755)


def test_locked_nss_db_is_refused_and_nothing_is_half_changed(capsys, user_home):
    import sqlite3

    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    db = user_home / ".pki" / "nssdb"
    cli(capsys, "devca", "trust")  # creates the database, holding the CA
    cli(capsys, "devca", "untrust")
    before = nss_list(db)
    # Another program (a browser in the middle of a write) holds the database's write lock.
    holder = sqlite3.connect(db / "cert9.db", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        code, _, err = cli(capsys, "devca", "trust")
    finally:
        holder.close()
    assert code == 2 and "The NSS database is locked or damaged" in err and "Close the browsers" in err
    assert nss_list(db) == before and NICK_PREFIX not in before


def test_system_store_only_when_asked_and_allowed(capsys, user_home):
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    code, text, _ = cli(capsys, "devca", "trust")
    assert code == 0 and "system store" not in text  # never without --system
    if os.geteuid() == 0:
        # Root can write the real system store, so the refusal cannot be shown here, and the suite never
        # changes this machine's trust (a user namespace does not help: root still owns the folder).
        return
    code, _, err = cli(capsys, "devca", "trust", "--system")
    assert code == 2 and "Only an administrator can change the system trust store; nothing was changed" in err


def test_selfsigned_issues_from_the_ca_and_refuses_public_names(capsys, user_home, demo):
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    ca = data_folder(user_home) / "ca.pem"
    code, text, err = cli(capsys, "selfsigned", demo, "--san", "DNS:shop.test,IP:127.0.0.1")
    assert code == 0 and 'issued by the development CA "tlsgui test development CA"' in text, err
    pem = (demo / "cert.pem").read_bytes()
    assert pem.count(b"BEGIN CERTIFICATE") == 2 and pem.endswith(ca.read_bytes())
    for flag, host in (("-verify_hostname", "localhost"), ("-verify_hostname", "shop.test"), ("-verify_ip", "127.0.0.1")):
        done = openssl("verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", ca, flag, host, demo / "cert.pem")
        assert done.returncode == 0, out(done)
    before = tree_bytes(demo)
    for args, words in ((("--cn", "www.example.com"), "www.example.com is a public name"),
                        (("--san", "IP:8.8.8.8"), "8.8.8.8 is not a loopback or private address"),
                        (("--days", "91"), "91 days is out of range")):
        code, _, err = cli(capsys, "selfsigned", demo, *args)
        assert code == 2 and words in err, err
        assert tree_bytes(demo) == before
    code, text, err = cli(capsys, "selfsigned", demo, "--self-signed", "--cn", "www.example.com", "--days", "398")
    assert code == 0 and "(self-signed)" in text, err
    assert (demo / "cert.pem").read_bytes().count(b"BEGIN CERTIFICATE") == 1


def test_devca_commands_run_as_a_user_would(user_home):
    done = run_cli("devca", "create")
    assert done.returncode == 0, done.stderr
    assert "tlsgui development CA (" in done.stdout  # the default name says whose CA it is
    assert shutil.which("certutil")
    done = run_cli("devca", "status")
    assert done.returncode == 0 and "does not trust it" in done.stdout


def test_a_failing_second_store_puts_the_first_back(user_home, devca, tmp_path):
    """trust() over two stores: the second is locked, so the first, already changed, is changed back."""
    import sqlite3

    from tlsgui.errors import TlsguiError
    from tlsgui.project.trust_stores import NssDb, trust, untrust

    first, second = NssDb(tmp_path / "first"), NssDb(tmp_path / "second")
    second.create()
    holder = sqlite3.connect(second.folder / "cert9.db", isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(TlsguiError, match="locked or damaged"):
            trust(devca, [first, second])
        assert first.exists() and not first.holds(devca)  # created, then the CA removed again
        holder.execute("ROLLBACK")
        trust(devca, [first, second])
        assert first.holds(devca) and second.holds(devca)
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(TlsguiError, match="locked or damaged"):
            untrust(devca, [first, second])
        assert first.holds(devca)  # removed from the first, then put back
    finally:
        holder.close()
    assert second.holds(devca)


def _debian_store(tmp_path, etc=None):
    """Debian's real update-ca-certificates, pointed at folders in tmp_path instead of /etc and /usr."""
    from tlsgui.project.trust_stores import SystemStore

    folders = {name: tmp_path / "system" / name for name in ("certs", "local", "etc", "hooks")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    # As on a real system, the distribution's list is not empty (an empty one makes every run a --fresh one,
    # which never notices a removed local certificate): one unrelated CA stands for Mozilla's roots.
    from tlsgui.crypto.devca import DevCa, make_ca

    (folders["certs"] / "other.crt").write_bytes(DevCa(*make_ca("unrelated root")).cert_pem())
    conf = tmp_path / "system" / "ca-certificates.conf"
    conf.write_text("other.crt\n")
    return SystemStore(folders["local"], [
        "update-ca-certificates", "--certsconf", str(conf), "--certsdir", str(folders["certs"]),
        "--localcertsdir", str(folders["local"]), "--etccertsdir", str(etc or folders["etc"]),
        "--hooksdir", str(folders["hooks"])]), folders["etc"] / "ca-certificates.crt"


def test_system_store_with_the_real_update_ca_certificates(user_home, devca, tmp_path, capsys, demo):
    from tlsgui.project.trust_stores import NssDb, trust, untrust

    store, bundle = _debian_store(tmp_path)
    nss = NssDb(tmp_path / "nssdb")
    assert [changed for _, changed in trust(devca, [nss, store])] == [True, True]
    assert store.holds(devca) and devca.cert_pem().decode().strip() in bundle.read_text()
    cli(capsys, "selfsigned", demo)
    done = openssl("verify", "-CAfile", bundle, "-verify_hostname", "localhost", demo / "cert.pem")
    assert done.returncode == 0, out(done)
    untrust(devca, [nss, store])
    assert not store.holds(devca) and devca.cert_pem().decode().strip() not in bundle.read_text()
    assert not nss.holds(devca)


def test_a_failing_system_store_rebuild_leaves_every_store_as_it_was(user_home, devca, tmp_path):
    from tlsgui.errors import TlsguiError
    from tlsgui.project.trust_stores import NssDb, trust

    not_a_folder = tmp_path / "etc-is-a-file"
    not_a_folder.write_text("")
    store, _ = _debian_store(tmp_path, etc=not_a_folder)
    nss = NssDb(tmp_path / "nssdb")
    with pytest.raises(TlsguiError, match="update-ca-certificates failed"):
        trust(devca, [nss, store])
    assert not nss.holds(devca) and not store.holds(devca)
    assert list(store.folder.iterdir()) == []


def test_a_password_protected_nss_db_is_refused_and_left_as_it_was(capsys, user_home, tmp_path):
    """certutil stores the certificate, then cannot set its trust without the password: tlsgui takes the
    certificate out again, so the database is not left half-changed."""
    cli(capsys, "devca", "create", "--name", "tlsgui test development CA")
    db = tmp_path / "locked-by-password"
    db.mkdir()
    (tmp_path / "password").write_text("secret\n")
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "-f", str(tmp_path / "password")], check=True, timeout=30)
    before = nss_list(db)
    done = subprocess.run([sys.executable, "-m", "tlsgui", "devca", "trust", "--nss-db", str(db)],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "protected by a password, which tlsgui does not ask for" in done.stderr
    assert nss_list(db) == before and NICK_PREFIX not in nss_list(db)
