"""One regression test (at least) per finding D1-D17 of the security and fault-tolerance audit (issue 13)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import children_of, process_gone, run_cli, tree_bytes, wait_for
from crypto.conftest import make_cert
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12

TLSGUI = Path(sys.executable).with_name("tlsgui")  # the installed entry point: it never puts the cwd on sys.path


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _ok(*args, **kwargs) -> subprocess.CompletedProcess:
    done = run_cli(*args, **kwargs)
    assert done.returncode == 0, done.stderr
    return done


def _backup_ids(project: Path) -> list[str]:
    return [b["id"] for b in json.loads(_ok("backups", project, "--json").stdout)["backups"]]


def _words(done: subprocess.CompletedProcess, *phrases: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    for phrase in phrases:
        assert phrase in done.stderr, done.stderr


def _plant_package(folder: Path) -> Path:
    """A `tlsgui/` package that, if ever imported, writes PWNED beside itself (audit D1)."""
    (folder / "tlsgui").mkdir(parents=True)
    (folder / "tlsgui" / "__init__.py").write_text("")
    marker = folder / "PWNED"
    (folder / "tlsgui" / "__main__.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n")
    return marker


# ---- D1: code execution from the working directory

def test_d1_dh_worker_ignores_a_tlsgui_package_in_the_working_directory(demo):
    marker = _plant_package(demo)
    done = subprocess.run([str(TLSGUI), "dhparams", ".", "--generate", "512", "--allow-test-size"], cwd=demo,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), "the child imported the planted package"
    assert (demo / "dhparams.pem").read_bytes().startswith(b"-----BEGIN DH PARAMETERS-----")


def test_d1_gui_children_start_isolated_in_a_fixed_folder(qtbot, tmp_path, monkeypatch):
    from tlsgui.workers.dhparams_job import DhParamsJob

    marker = _plant_package(tmp_path / "cwd")
    monkeypatch.chdir(tmp_path / "cwd")
    job = DhParamsJob()
    try:
        with qtbot.waitSignal(job.job_succeeded, timeout=60_000):
            job.start_generation(512, tmp_path / "out", allow_test_size=True)
        assert not marker.exists()
        assert (tmp_path / "out" / "dhparams.pem").read_bytes().startswith(b"-----BEGIN DH PARAMETERS-----")
    finally:
        job.cancel()


# ---- D13: the DH child dies with a SIGKILLed CLI

def test_d13_sigkill_of_the_cli_ends_the_dh_child(demo):
    parent = subprocess.Popen([sys.executable, "-m", "tlsgui", "dhparams", demo, "--generate", "4096"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    child = None
    try:
        assert parent.stdout.readline().startswith("Generating 4096-bit")
        (child,) = children_of(parent.pid)
        # A SIGKILLed parent cannot kill anything on its way out: only the child's death signal can.
        parent.kill()
        parent.wait(30)
        # The kernel delivers the death signal asynchronously.
        wait_for(lambda: process_gone(child), timeout=20, what=f"child {child} to die with its killed parent")
    finally:
        if parent.poll() is None:
            parent.kill()
        if child is not None and not process_gone(child):
            os.kill(child, signal.SIGKILL)
    assert not (demo / "dhparams.pem").exists()


# ---- D2: a backup restores into its own project, wherever the project went

def test_d2_restore_in_a_copied_project_never_touches_the_original(demo, tmp_path):
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    original = tree_bytes(demo)
    copy = tmp_path / "Copy"
    shutil.copytree(demo, copy, symlinks=True)
    first = _backup_ids(copy)[-1]
    _ok("backups", copy, "--restore", first)
    assert tree_bytes(demo) == original
    assert (copy / "key.pem").read_bytes() == (demo / ".tlsgui" / "backups" / first / "00-key.pem").read_bytes()


def test_d2_restore_in_a_moved_project_does_not_recreate_the_old_folder(demo, tmp_path):
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    moved = tmp_path / "Moved"
    demo.rename(moved)
    _ok("backups", moved, "--restore", _backup_ids(moved)[-1])
    assert not demo.exists()


# ---- D3: a planted manifest, and a key.pem that is a symlink

def test_d3_a_manifest_pointing_outside_is_refused_in_words(demo, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours")
    victim = tmp_path / "victim.txt"
    planted = demo / ".tlsgui" / "backups" / "20990101T000000000000Z"
    planted.mkdir(parents=True)
    (planted / "manifest.json").write_text(json.dumps({"created": "2099-01-01T00:00:00+00:00", "reason": "x",
                                                       "files": [{"original": str(victim),
                                                                  "stored": "../../../../secret.txt"}]}))
    listed = _ok("backups", demo)
    assert "cannot be restored" in listed.stdout
    done = run_cli("backups", demo, "--restore", planted.name)
    _words(done, "cannot be restored", "nothing was written")
    assert not victim.exists()
    planted_rel = demo / ".tlsgui" / "backups" / "20990101T000000000001Z"
    planted_rel.mkdir()
    (planted_rel / "00-key.pem").write_text("x")
    (planted_rel / "manifest.json").write_text(json.dumps({"created": "2099", "reason": "x", "files": [
        {"original": "../victim.txt", "stored": "00-key.pem"}]}))
    _words(run_cli("backups", demo, "--restore", planted_rel.name), "outside the project")
    assert not victim.exists()


def test_d3_a_symlinked_key_pem_is_replaced_not_followed_by_restore(demo, tmp_path):
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    outside = tmp_path / "outside.pem"
    outside.write_text("someone else's file")
    (demo / "key.pem").unlink()
    (demo / "key.pem").symlink_to(outside)
    _ok("backups", demo, "--restore", _backup_ids(demo)[-1])
    assert outside.read_text() == "someone else's file"
    assert not (demo / "key.pem").is_symlink() and b"PRIVATE KEY" in (demo / "key.pem").read_bytes()


# ---- D4: the key/cert pair and restore are all-or-nothing

def test_d4_restore_with_a_read_only_cert_changes_nothing(demo):
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    ids = _backup_ids(demo)
    (demo / "cert.pem").chmod(0o444)
    before = tree_bytes(demo)
    _words(run_cli("backups", demo, "--restore", ids[-1]), "read-only", "nothing was written")
    assert tree_bytes(demo) == before
    assert _backup_ids(demo) == ids


# ---- D5: settings edits are never lost

def test_d5_the_conflict_check_runs_under_the_project_lock(demo):
    from tlsgui.errors import ConflictError
    from tlsgui.project.store import load_project, save_project
    from tlsgui.project.transaction import project_lock

    late = load_project(demo)
    failures = []

    def save_late():
        try:
            save_project(late, late.settings.replace(**{"web.hsts_enabled": True}))
        except ConflictError as exc:
            failures.append(exc)

    with project_lock(late.paths):
        thread = threading.Thread(target=save_late)
        thread.start()
        # While this (another writer) holds the lock, the late save must wait, not check and write.
        thread.join(0.5)
        assert thread.is_alive()
        early = load_project(demo)
        save_project(early, early.settings.replace(**{"tls.min_version": "1.3"}))
    thread.join(30)
    assert failures, "the late save overwrote an edit made after its check"
    final = load_project(demo).settings
    assert final.tls_min_version == "1.3"


def test_d5_two_concurrent_settings_set_never_lose_an_edit_silently(demo):
    for round_ in range(6):
        port_a, port_b = 9000 + round_, 10000 + round_
        procs = [subprocess.Popen([sys.executable, "-m", "tlsgui", "settings", str(demo), "set", assignment],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for assignment in (f"web.https_port={port_a}", f"client_server.port={port_b}")]
        results = [(p.wait(60), p.stdout.read(), p.stderr.read()) for p in procs]
        shown = json.loads(_ok("settings", demo, "--json").stdout)["settings"]
        for (code, _out, err), key, value in zip(results, ("web.https_port", "client_server.port"),
                                                 (port_a, port_b), strict=True):
            # The CLI reads the project again under the lock: both edits land, every round.
            assert code == 0, err
            assert shown[key]["value"] == value, f"round {round_}: {key} said 'wrote' and was lost"


# ---- D6: temp files cannot leak private keys

def test_d6_stale_temp_files_are_removed_by_the_next_command(demo):
    _ok("selfsigned", demo, "--type", "ecdsa")
    stale = demo / ".tlsgui" / "tmp" / "20260101T000000000000Z-1-00"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"-----BEGIN PRIVATE KEY-----\n")
    _ok("check", demo)
    assert not stale.exists()


def test_d6_a_stale_journal_of_an_unfinished_write_is_undone(demo):
    _ok("selfsigned", demo, "--type", "ecdsa")
    before = tree_bytes(demo)
    staged = demo / ".tlsgui" / "tmp" / "T-00"
    staged.parent.mkdir(parents=True, exist_ok=True)
    staged.write_bytes(b"-----BEGIN PRIVATE KEY-----\nhalf")
    (demo / ".tlsgui" / "journal.json").write_text(json.dumps(
        {"format": 1, "id": "T", "state": "prepare", "entries": [{"target": "key.pem",
                                                                   "staged": ".tlsgui/tmp/T-00"}]}))
    done = _ok("check", demo)
    assert "Undid a change" in done.stdout
    assert tree_bytes(demo) == before
    assert not staged.exists()


def test_d6_a_planted_journal_cannot_move_files_out_of_the_project(demo, tmp_path):
    (demo / ".tlsgui" / "tmp").mkdir(parents=True)
    staged = demo / ".tlsgui" / "tmp" / "T-00"
    staged.write_text("payload")
    target = tmp_path / "outside.txt"
    (demo / ".tlsgui" / "journal.json").write_text(json.dumps(
        {"format": 1, "id": "T", "state": "commit", "entries": [{"target": "../outside.txt",
                                                                  "staged": ".tlsgui/tmp/T-00"},
                                                                 {"target": str(target),
                                                                  "staged": ".tlsgui/tmp/T-00"}]}))
    _ok("check", demo)
    assert not target.exists()
    assert not (demo / ".tlsgui" / "journal.json").exists()


# ---- D7: restore never applies the stored mode to a key; check warns about a readable key.pem

def test_d7_restore_writes_key_pem_as_0600_and_check_warns_about_0644(demo):
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    first = _backup_ids(demo)[-1]
    copy = demo / ".tlsgui" / "backups" / first / "00-key.pem"
    copy.chmod(0o666)
    _ok("backups", demo, "--restore", first)
    assert _mode(demo / "key.pem") == 0o600
    (demo / "key.pem").chmod(0o644)
    done = run_cli("check", demo)
    assert "Other users have access to key.pem (mode 0644)" in done.stdout


# ---- D8 / D14: state folders are private, real folders

@pytest.mark.parametrize("which", [".tlsgui", ".tlsgui/backups", ".tlsgui/pending"])
def test_d8_symlinked_state_folders_are_refused_and_not_followed(demo, tmp_path, which):
    _ok("selfsigned", demo, "--type", "ecdsa")
    outside = tmp_path / "outside"
    outside.mkdir(mode=0o755)
    outside.chmod(0o755)
    target = demo / which
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(outside)
    command = ("key", demo) if which.endswith("pending") else ("selfsigned", demo, "--type", "ecdsa")
    before = tree_bytes(demo)
    _words(run_cli(*command), "symbolic link", "nothing was written")
    assert list(outside.iterdir()) == [] and _mode(outside) == 0o755
    assert tree_bytes(demo) == before


def test_d14_state_folders_are_0700_under_umask_000(demo):
    def no_umask():
        os.umask(0)

    for args in (("selfsigned", demo, "--type", "ecdsa"), ("selfsigned", demo, "--type", "ecdsa"), ("key", demo)):
        done = subprocess.run([sys.executable, "-m", "tlsgui", *map(str, args)], capture_output=True, text=True,
                              timeout=60, preexec_fn=no_umask)
        assert done.returncode == 0, done.stderr
    state = demo / ".tlsgui"
    folders = [state, state / "backups", state / "pending", state / "tmp",
               *[p for p in (state / "backups").iterdir()]]
    assert {str(f.relative_to(demo)): _mode(f) for f in folders} == {str(f.relative_to(demo)): 0o700 for f in folders}
    assert _mode(demo / "key.pem") == 0o600


# ---- D9: a project in git

def _git(*args, cwd):
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, env=env)


def test_d9_in_a_git_work_tree_keys_are_ignored_and_check_warns_about_tracked_ones(demo):
    (demo / ".gitignore").write_text("Data/\n")  # a project of someone's own, without tlsgui's rules
    assert _git("init", "-q", cwd=demo).returncode == 0
    done = _ok("key", demo)
    assert ".gitignore" in done.stderr
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    staged = _git("add", "-A", "--dry-run", cwd=demo).stdout
    assert "key.pem" not in staged and ".tlsgui" not in staged, staged
    assert "would track" not in _ok("check", demo).stdout
    _git("add", "-f", ".tlsgui/pending", cwd=demo)
    assert "Private keys git would track" in run_cli("check", demo).stdout


# ---- D10: a certificate folder outside the project

def test_d10_an_outside_certificate_folder_is_named_and_keeps_its_own_backups(tmp_path):
    victim = tmp_path / "victim"
    _ok("demo", victim)
    _ok("selfsigned", victim, "--type", "ecdsa")
    project = tmp_path / "project"
    _ok("demo", project)
    _ok("settings", project, "set", "web.certificate_folder=../victim")
    done = _ok("selfsigned", project, "--type", "ecdsa")
    assert f"outside the project: they are written to {victim}" in done.stdout
    in_project = list((project / ".tlsgui" / "backups").glob("*/*"))
    assert not [p for p in in_project if p.name.endswith(("key.pem", "cert.pem"))], in_project
    assert list((victim / ".tlsgui" / "backups").glob("*/00-key.pem"))
    listed = _ok("backups", project)
    assert f"(in {victim})" in listed.stdout


# ---- D11: hangs and crashes on odd files

def test_d11_a_fifo_as_settings_file_is_refused_quickly(demo):
    settings = demo / "Project" / "Sources" / "settings.4DSettings"
    settings.unlink()
    os.mkfifo(settings)
    for command in ("check", "settings", "probe", "serve"):
        done = run_cli(command, demo, timeout=20)
        _words(done, "named pipe (FIFO), not a regular file")


def test_d11_dev_zero_and_a_sparse_giant_are_refused_before_reading(demo):
    cert = demo / "cert.pem"
    cert.symlink_to("/dev/zero")
    done = run_cli("install", demo, cert, timeout=20)
    _words(done, "is a device, not a regular file")
    cert.unlink()
    giant = demo / "giant.pem"
    with open(giant, "wb") as handle:
        handle.truncate(2 * 1024 ** 3)  # sparse: no disk used
    _words(run_cli("install", demo, giant, timeout=20), "2048 MiB", "it was not read")
    settings = demo / "Project" / "Sources" / "settings.4DSettings"
    settings.unlink()
    shutil.move(str(giant), str(settings))
    _words(run_cli("check", demo, timeout=20), "it was not read")


def test_d11_deep_nesting_is_refused_in_words(demo):
    settings = demo / "Project" / "Sources" / "settings.4DSettings"
    body = "<a>" * 1000 + "</a>" * 1000
    settings.write_text(f'<?xml version="1.0" encoding="UTF-8"?><preferences stamp="1"><com.4d>{body}'
                        "</com.4d></preferences>\n")
    _words(run_cli("check", demo), "nest more than 64 levels")
    done = run_cli("settings", demo, "set", "web.https_port=8443")
    _words(done, "nest more than 64 levels")


def test_d11_a_backup_with_a_missing_copy_is_refused_before_any_safety_backup(demo):
    _ok("selfsigned", demo, "--type", "ecdsa")
    _ok("selfsigned", demo, "--type", "ecdsa")
    ids = _backup_ids(demo)
    (demo / ".tlsgui" / "backups" / ids[-1] / "01-cert.pem").unlink()
    before = tree_bytes(demo)
    _words(run_cli("backups", demo, "--restore", ids[-1]), "incomplete", "cert.pem is missing")
    assert tree_bytes(demo) == before


# ---- D12: rollback keeps a symlinked key.pem a symlink

def test_d12_a_failed_cert_write_puts_a_symlinked_key_pem_back_as_the_same_link(demo, tmp_path, monkeypatch):
    from tlsgui.cli import main
    from tlsgui.project import transaction

    assert main(["selfsigned", str(demo), "--type", "ecdsa"]) == 0
    real_key = tmp_path / "real-key.pem"
    shutil.move(str(demo / "key.pem"), real_key)
    (demo / "key.pem").symlink_to(real_key)
    real = os.replace

    def failing(src, dst, *args, **kwargs):
        if os.path.basename(dst) == "cert.pem":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(transaction.os, "replace", failing)
    assert main(["selfsigned", str(demo), "--type", "ecdsa"]) == 2
    assert (demo / "key.pem").is_symlink() and os.readlink(demo / "key.pem") == str(real_key)


# ---- D15: right words for odd files, and a password through a pipe

def _pfx(tmp_path: Path, password: bytes) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = make_cert("localhost", key.public_key(), None, key, sans=("localhost",))
    path = tmp_path / "bundle.pfx"
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"x", key, cert, None,
                                                           serialization.BestAvailableEncryption(password)))
    return path


def test_d15_odd_files_get_their_own_words(demo, tmp_path):
    fifo = tmp_path / "fifo.pem"
    os.mkfifo(fifo)
    _words(run_cli("install", demo, fifo, timeout=20), "named pipe (FIFO), not a regular file")
    _words(run_cli("install", demo, "/dev/zero", timeout=20), "is a device, not a regular file")
    _words(run_cli("install", demo, tmp_path, timeout=20), "is a folder, not a file")


def test_d15_password_file_from_a_pipe(demo, tmp_path):
    bundle = _pfx(tmp_path, b"s3cret")
    read_end, write_end = os.pipe()
    os.write(write_end, b"s3cret\n")
    os.close(write_end)
    try:
        done = run_cli("install", demo, bundle, "--password-file", f"/dev/fd/{read_end}", "--force",
                       pass_fds=(read_end,), timeout=30)
    finally:
        os.close(read_end)
    assert done.returncode == 0, done.stderr
    assert (demo / "key.pem").exists()


def test_d17_password_file_strips_exactly_one_newline(demo, tmp_path):
    bundle = _pfx(tmp_path, b"s3cret\n")  # a password that itself ends with a newline
    password = tmp_path / "password.txt"
    password.write_bytes(b"s3cret\n\n")
    done = run_cli("install", demo, bundle, "--password-file", password, "--force")
    assert done.returncode == 0, done.stderr


# ---- D16: --out and --ready-file never replace a symlink or a device

def test_d16_csr_out_and_ready_file_refuse_symlinks(demo, tmp_path):
    _ok("key", demo)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "link.pem"
    link.symlink_to(precious)
    _words(run_cli("csr", demo, "--cn", "www.example.com", "--out", link), "symbolic link", "nothing was written")
    assert link.is_symlink() and precious.read_text() == "keep me"
    _words(run_cli("csr", demo, "--cn", "www.example.com", "--out", "/dev/null"), "not a regular file")
    _ok("selfsigned", demo, "--type", "ecdsa")
    _words(run_cli("serve", demo, "--ready-file", link, timeout=30), "symbolic link")
    assert link.is_symlink() and precious.read_text() == "keep me"


# ---- D17: a backup is never half made, and is never left over after "nothing was written"

def test_d17_a_folder_without_manifest_is_listed_as_incomplete(demo):
    _ok("selfsigned", demo, "--type", "ecdsa")
    orphan = demo / ".tlsgui" / "backups" / "20260101T000000000000Z"
    orphan.mkdir(parents=True)
    (orphan / "00-key.pem").write_text("-----BEGIN PRIVATE KEY-----\n")
    listed = _ok("backups", demo)
    assert "20260101T000000000000Z  cannot be restored: incomplete" in listed.stdout
    _words(run_cli("backups", demo, "--restore", orphan.name), "incomplete")


def test_d17_a_killed_backup_leaves_nothing_behind(demo):
    # A backup is built in .tlsgui/tmp and renamed into place with its manifest: what a kill leaves there
    # is emptied by the next command (the kill sweep kills at every rename, including this one).
    _ok("selfsigned", demo, "--type", "ecdsa")
    half = demo / ".tlsgui" / "tmp" / "backup-20260101T000000000000Z"
    half.mkdir(parents=True)
    (half / "00-key.pem").write_text("-----BEGIN PRIVATE KEY-----\n")
    _ok("backups", demo)
    assert not half.exists()


def test_d6_the_demo_ignore_rules_cover_keys_state_and_staged_files(demo):
    assert _git("init", "-q", cwd=demo).returncode == 0
    names = ["key.pem", "20260101T000000000000Z-rsa2048.key.pem", ".tlsgui/tmp/T-00", ".tlsgui/journal.json",
             ".tlsgui/backups/20260101T000000000000Z/00-key.pem", ".key.pem.T.tlsgui-tmp"]
    done = _git("check-ignore", *names, cwd=demo)
    assert done.stdout.split() == names, done.stdout


def test_d9_the_window_install_path_adds_the_ignore_rules_too(demo):
    # The wizard installs through install_selfsigned / install_planned / save_pending_key (no CLI involved).
    from cryptography.hazmat.primitives.asymmetric import ec as ec_keys

    from tlsgui.crypto.selfsigned import make_selfsigned
    from tlsgui.project.install import install_selfsigned
    from tlsgui.project.store import load_project

    (demo / ".gitignore").write_text("Data/\n")
    assert _git("init", "-q", cwd=demo).returncode == 0
    key = ec_keys.generate_private_key(ec_keys.SECP256R1())
    install_selfsigned(load_project(demo), key, make_selfsigned(key, "localhost", ("localhost",), 30))
    rules = (demo / ".gitignore").read_text().splitlines()
    assert {"key.pem", "*.key.pem", ".tlsgui/", "*.tlsgui-tmp"} <= set(rules) and rules[0] == "Data/"
