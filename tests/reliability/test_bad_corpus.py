"""Every file of the bad-input corpus through the real CLI: the exit code, words for a person, nothing changed."""

from __future__ import annotations

import pytest
from conftest import run_cli, tree_bytes

from reliability.bad_corpus import CORPUS, load_cases
from tlsgui.project.demo import write_demo

CASES = load_cases()


def test_the_corpus_is_large_and_indexed():
    files = {p.name for p in CORPUS.iterdir() if p.is_file()} - {"make_corpus.py", "expected.json"}
    assert len(files) >= 40
    assert {c.file.name for c in CASES} | {a for c in CASES for a in c.args} >= files
    assert all(c.file.is_file() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli_refuses_with_words_and_changes_nothing(case, tmp_path):
    project = write_demo(tmp_path / "Shop")
    case.prepare(project)
    before = tree_bytes(project)
    corpus_before = case.file.read_bytes()
    done = run_cli(*case.cli_args(project))
    output = done.stdout + done.stderr
    assert "Traceback" not in output
    assert done.returncode == case.exit, output
    assert case.message in output, output
    if case.exit == 2:
        error = [line for line in done.stderr.splitlines() if line.startswith("tlsgui: ")]
        assert error, done.stderr
        assert done.stderr.strip() == error[0]  # one line of words, no warnings or other noise
        assert len(error[0]) > 40  # what is wrong and what to do, not a bare word
    assert tree_bytes(project) == before
    assert case.file.read_bytes() == corpus_before


def test_corpus_certificates_are_real(tmp_path):
    """The corpus is not made of look-alikes: openssl verifies its chain, the hand-signed SHA-1 one included."""
    import re
    import subprocess

    def certs(name):
        return re.findall(rb"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n",
                          (CORPUS / name).read_bytes(), re.S)

    intermediate, root = certs("ca-certificates-only.pem")
    (tmp_path / "root.pem").write_bytes(root)
    (tmp_path / "int.pem").write_bytes(intermediate)
    for name, extra in (("email-two-certificates.eml", []), ("sha1-signed-with-key.pem", ["-auth_level", "0"])):
        (tmp_path / "leaf.pem").write_bytes(certs(name)[0])
        done = subprocess.run(["openssl", "verify", *extra, "-attime", "1767225600", "-CAfile", tmp_path / "root.pem",
                               "-untrusted", tmp_path / "int.pem", tmp_path / "leaf.pem"],
                              capture_output=True, text=True)
        assert done.returncode == 0 and ": OK" in done.stdout, (name, done.stdout, done.stderr)
    text = subprocess.run(["openssl", "x509", "-noout", "-text", "-in", tmp_path / "leaf.pem"],
                          capture_output=True, text=True).stdout
    assert "sha1WithRSAEncryption" in text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_core_gives_the_same_words_in_process(case, tmp_path):
    """What a GUI calls gives the words the CLI prints, and writes nothing either."""
    from reliability.bad_corpus import core_error

    project = write_demo(tmp_path / "Shop")
    case.prepare(project)
    before = tree_bytes(project)
    words = core_error(case, project)
    if case.exit == 2:
        assert case.message in words
    else:
        assert words == ""
    assert tree_bytes(project) == before


def test_settings_from_a_newer_4d_are_accepted_and_kept_on_save(tmp_path):
    """Unknown elements and attributes of a newer 4D survive an edit: only the edited attribute and stamp change."""
    project = write_demo(tmp_path / "Shop")
    settings = project / "Project/Sources/settings.4DSettings"
    newer = (CORPUS / "settings-newer-4d.4DSettings").read_bytes()
    settings.write_bytes(newer)
    done = run_cli("settings", project, "set", "web.https_port=8444")
    assert done.returncode == 0, done.stderr
    after = settings.read_bytes()
    for unknown in (b'<quantum_cache enabled="true" mode="auto"><tier level="3"/></quantum_cache>',
                    b'<web future_flag="yes">', b'http3_enabled="true" ech_mode="2"'):
        assert unknown in after
    expected = newer.replace(b'https_port_number="8443"', b'https_port_number="8444"').replace(
        b'stamp="42"', b'stamp="43"')
    assert after == expected
