"""dhparams.pem: the RFC 7919 groups, checks of an existing file, and a custom generation that cancel kills."""

from __future__ import annotations

import re
import time

import pytest
from conftest import children_of, cpu_seconds, end_process, run_cli, tree_bytes, wait_for

from crypto.conftest import cli, openssl, out
from tlsgui.crypto.dhparams import FFDHE_GROUPS, check_dhparams, is_probable_prime
from tlsgui.errors import TlsguiError
from tlsgui.project.install import DhGeneration, worker_command

# RFC 7919 appendix A: p = 2^b - 2^(b-64) + {[2^(b-130) e] + X} * 2^64 - 1
RFC_X = {2048: 560316, 3072: 2625351, 4096: 5736041}


def e_times_two_to(bits: int) -> int:
    """floor(e * 2^bits), from the series e = sum 1/k! in integer arithmetic (64 guard bits)."""
    one = 1 << (bits + 64)
    total, term, k = 0, one, 0
    while term:
        total += term
        k += 1
        term //= k
    return total >> 64


def p_of(pem: bytes) -> int:
    parsed = out(openssl("asn1parse", input=pem))
    return int(re.findall(r"INTEGER\s*:([0-9A-F]+)", parsed)[0], 16)


def der_int(n: int) -> bytes:
    body = n.to_bytes(n.bit_length() // 8 + 1, "big")
    return b"\x02" + der_len(len(body)) + body


def der_len(n: int) -> bytes:
    if n < 128:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def dh_pem(p: int, g: int = 2) -> bytes:
    """PKCS#3 DHParameter PEM written by hand (tests stay off cryptography's deprecated dh API)."""
    import base64
    import textwrap

    body = der_int(p) + der_int(g)
    b64 = base64.b64encode(b"\x30" + der_len(len(body)) + body).decode()
    return ("-----BEGIN DH PARAMETERS-----\n" + "\n".join(textwrap.wrap(b64, 64))
            + "\n-----END DH PARAMETERS-----\n").encode()


@pytest.mark.parametrize("bits", [2048, 3072, 4096])
def test_groups_are_the_rfc_7919_groups(bits):
    pem = FFDHE_GROUPS[f"ffdhe{bits}"]
    expected = 2 ** bits - 2 ** (bits - 64) + (e_times_two_to(bits - 130) + RFC_X[bits]) * 2 ** 64 - 1
    assert p_of(pem) == expected
    generated = openssl("genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", f"group:ffdhe{bits}")
    assert generated.stdout == pem
    checked = openssl("dhparam", "-check", "-noout", input=pem)
    assert checked.returncode == 0 and "DH parameters appear to be ok." in out(checked)
    info = check_dhparams(pem)
    assert (info.bits, info.group, info.generator) == (bits, f"ffdhe{bits}", 2)


def test_install_default_group_and_check(capsys, demo):
    code, stdout, _ = cli(capsys, "dhparams", demo)
    assert code == 0 and "2048-bit DH parameters (the standard ffdhe2048 group)" in stdout
    checked = openssl("dhparam", "-in", demo / "dhparams.pem", "-check", "-noout")
    assert "DH parameters appear to be ok." in out(checked)
    code, stdout, _ = cli(capsys, "dhparams", demo, "--group", "ffdhe4096")
    assert code == 0 and "The previous dhparams.pem is in backup" in stdout
    assert (demo / "dhparams.pem").read_bytes() == FFDHE_GROUPS["ffdhe4096"]
    code, stdout, _ = cli(capsys, "dhparams", demo, "--check")
    assert code == 0 and "is fine: 4096-bit DH parameters (the standard ffdhe4096 group)" in stdout


def test_no_dhe_suite_note(capsys, demo):
    cli(capsys, "settings", demo, "set", "tls.cipher_list=ECDHE-RSA-AES128-GCM-SHA256")
    code, stdout, _ = cli(capsys, "dhparams", demo)
    assert code == 0 and "No DHE suite is enabled in tls.cipher_list, so 4D does not use dhparams.pem" in stdout


def test_custom_file_installed_with_lf(capsys, demo, tmp_path):
    custom = tmp_path / "custom.pem"
    custom.write_bytes(FFDHE_GROUPS["ffdhe3072"].replace(b"\n", b"\r"))
    code, stdout, err = cli(capsys, "dhparams", demo, "--file", custom)
    assert code == 0, err
    assert (demo / "dhparams.pem").read_bytes() == FFDHE_GROUPS["ffdhe3072"]


@pytest.fixture(scope="module")
def dh1024() -> bytes:
    # RFC 5114 group 1: a real 1024-bit prime, instant (no generation).
    done = openssl("genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "dh_rfc5114:1")
    assert done.returncode == 0
    return done.stdout


def bad_dh(name: str, dh1024: bytes) -> tuple[bytes, str]:
    p = p_of(FFDHE_GROUPS["ffdhe2048"])
    return {
        "1024 bits": (dh1024, "The DH prime has only 1024 bits; at least 2048 are needed (Logjam)."),
        "not prime": (dh_pem(p + 2), "The DH modulus p is not a prime number"),
        "empty": (b"", "The file is empty."),
        "not dh": (b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                   "The file holds a certificate, not DH parameters."),
        "truncated": (b"\n".join(FFDHE_GROUPS["ffdhe2048"].splitlines()[:4]) + b"\n-----END DH PARAMETERS-----\n",
                      "The DH parameters cannot be read (damaged or truncated PEM)."),
        "over 1 MiB": (FFDHE_GROUPS["ffdhe2048"] + b"\n" * (1024 * 1024), "limit 1 MiB"),
    }[name]


@pytest.mark.parametrize("name", ["1024 bits", "not prime", "empty", "not dh", "truncated", "over 1 MiB"])
def test_bad_dhparams_files_change_nothing(capsys, demo, tmp_path, dh1024, name):
    cli(capsys, "dhparams", demo)
    data, words = bad_dh(name, dh1024)
    bad = tmp_path / "bad.pem"
    bad.write_bytes(data)
    before = tree_bytes(demo)
    code, _, err = cli(capsys, "dhparams", demo, "--file", bad)
    assert code == 2 and words in err, err
    assert tree_bytes(demo) == before
    if name in ("1024 bits", "not prime"):  # the same words when the file is already installed
        (demo / "dhparams.pem").write_bytes(data)
        code, _, err = cli(capsys, "dhparams", demo, "--check")
        assert code == 2 and words in err


def test_miller_rabin():
    p = p_of(FFDHE_GROUPS["ffdhe2048"])
    assert is_probable_prime(p)
    assert not is_probable_prime(p + 2)
    assert not is_probable_prime(561)  # a Carmichael number
    assert is_probable_prime(2 ** 127 - 1)


def test_worker_command_normal_and_frozen(monkeypatch):
    import sys

    assert worker_command(2048)[1:] == ["-I", "-m", "tlsgui", "--worker", "dhparams", "--bits", "2048"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command(3072) == [sys.executable, "--worker", "dhparams", "--bits", "3072"]


def test_custom_generation_writes_only_on_success(demo):
    done = run_cli("dhparams", demo, "--generate", "512", "--allow-test-size")
    assert done.returncode == 0, done.stderr
    assert "512-bit DH parameters (custom parameters)" in done.stdout
    assert "DH parameters appear to be ok." in out(openssl("dhparam", "-in", demo / "dhparams.pem", "-check",
                                                            "-noout"))
    before = tree_bytes(demo)
    done = run_cli("dhparams", demo, "--generate", "1024")
    assert done.returncode == 2 and "1024 bits is not offered" in done.stderr
    assert tree_bytes(demo) == before


def test_cancel_kills_the_child_fast_and_leaves_no_file(demo):
    before = tree_bytes(demo)
    job = DhGeneration(4096)
    try:
        # Deep into the prime search: the child has computed for a while (a 4096-bit search takes minutes).
        wait_for(lambda: cpu_seconds(job.process.pid) >= 0.5, what="the DH child to compute")
        assert job.running()
        started = time.monotonic()
        job.cancel()
        elapsed = time.monotonic() - started
        assert not job.running() and job.process.returncode != 0
        # Generous: it only tells a kill from waiting for the search to end (minutes at 4096 bits).
        assert elapsed < 5, elapsed
        assert tree_bytes(demo) == before
        assert not (demo / "dhparams.pem").exists()
        with pytest.raises(TlsguiError, match="did not finish"):
            job.result()
    finally:
        end_process(job.process)


def test_check_reports_a_bad_installed_file(capsys, demo, dh1024):
    (demo / "dhparams.pem").write_bytes(dh1024)
    code, stdout, _ = cli(capsys, "check", demo)
    assert code == 1 and "only 1024 bits" in stdout
    (demo / "dhparams.pem").write_bytes(dh_pem(p_of(FFDHE_GROUPS["ffdhe2048"]) + 2))
    code, stdout, _ = cli(capsys, "check", demo)
    assert code == 1 and "not a prime number" in stdout


def test_ctrl_c_on_the_cli_generation_leaves_nothing(demo):
    import os
    import signal
    import subprocess
    import sys

    before = tree_bytes(demo)
    # Its own process group, like a terminal's foreground job: Ctrl+C reaches the CLI and its child. A
    # foreground job also has SIGINT's default action, while a suite started in the background (`make test &`,
    # nohup, some CI runners) inherits SIGINT ignored, and then Python never raises KeyboardInterrupt: the
    # CLI is started with a caught SIGINT, which exec turns back into the default.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "tlsgui", "dhparams", str(demo), "--generate", "4096"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        assert proc.stdout.readline().startswith(b"Generating 4096-bit DH parameters")
        # The Ctrl+C must find the child computing, not starting.
        wait_for(lambda: any(cpu_seconds(child) >= 0.5 for child in children_of(proc.pid)),
                 what="the DH child to compute")
        os.killpg(proc.pid, signal.SIGINT)
        started = time.monotonic()
        _, err = proc.communicate(timeout=60)
        assert time.monotonic() - started < 5  # generous: a kill, not the minutes the search would take
        assert proc.returncode == 130 and b"interrupted" in err and b"Traceback" not in err
        with pytest.raises(ProcessLookupError):  # no process of the group (the child) is left computing
            os.killpg(proc.pid, 0)
        assert tree_bytes(demo) == before
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its child, whatever failed above
        except ProcessLookupError:
            pass
        end_process(proc)
