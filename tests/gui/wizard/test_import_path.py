"""Import an existing key and certificate: two files or one PKCS#12 → the shared checks → Finish installs."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization

from gui.conftest import tree_bytes
from tlsgui.wizard.ids import PageId
from tlsgui.wizard.install_steps import ChecksPage

from .conftest import assert_pair_on_disk, go_next, key_pem, pem, pfx_bytes, start_wizard, thread_free


def files_page(window):
    wizard = start_wizard(window, "import")
    assert wizard.currentId() == PageId.IMPORT_FILES
    return wizard, wizard.currentPage()


def settled(qtbot, page):
    qtbot.waitUntil(lambda: not page.task.running, timeout=10000)


def test_certificate_and_key_files(qtbot, window, demo, prompts, rsa_key, test_ca, tmp_path):
    cert, key = tmp_path / "shop.crt", tmp_path / "shop.key"
    cert.write_bytes(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())))
    key.write_bytes(key_pem(rsa_key))
    prompts.open_answers = [str(cert), str(key)]
    wizard, page = files_page(window)
    page.ui.cert_button.click()
    assert page.ui.source_status.text() == "Now choose the private key."
    page.ui.key_button.click()
    assert prompts.opened == ["Open the certificate", "Open the private key"]
    settled(qtbot, page)
    go_next(qtbot, wizard)
    checks = wizard.currentPage()
    assert isinstance(checks, ChecksPage) and wizard.currentId() == PageId.IMPORT_CHECKS
    assert all(kind in ("ok", "info") for kind, _text in checks.rows()), checks.rows()
    assert any(text == f"Private key: key file {key}." for _kind, text in checks.rows())
    with qtbot.waitSignal(wizard.files_written):
        wizard.accept()
    assert_pair_on_disk(demo, test_ca.write_root(tmp_path))
    assert key.read_bytes() == key_pem(rsa_key)  # the imported files are never changed


def test_encrypted_key_file_asks_for_its_password(qtbot, window, demo, prompts, rsa_key, test_ca, tmp_path):
    cert, key = tmp_path / "shop.crt", tmp_path / "shop.key"
    cert.write_bytes(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())))
    key.write_bytes(rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.BestAvailableEncryption(b"k3y")))
    prompts.password_answers = [b"k3y"]
    wizard, page = files_page(window)
    page.use_files(cert, key)
    settled(qtbot, page)
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert prompts.passwords_asked == ["shop.key is protected by a password. Enter it:"]
    go_next(qtbot, wizard)
    wizard.accept()
    assert_pair_on_disk(demo)
    assert b"ENCRYPTED" not in (demo / "key.pem").read_bytes()  # 4D reads an unencrypted key.pem


def test_pkcs12_wrong_then_right_password(qtbot, window, demo, prompts, rsa_key, test_ca, tmp_path):
    pfx = tmp_path / "shop.pfx"
    pfx.write_bytes(pfx_bytes(rsa_key, test_ca.issue(rsa_key.public_key()), [test_ca.intermediate]))
    prompts.password_answers = [b"nope", b"secret"]
    wizard, page = files_page(window)
    page.use_pkcs12(pfx)
    assert not page.ui.cert_path.isEnabled() and page.ui.pkcs12_path.isEnabled()
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert len(prompts.passwords_asked) == 2 and "does not open" in prompts.passwords_asked[1]
    go_next(qtbot, wizard)
    wizard.accept()
    assert_pair_on_disk(demo, test_ca.write_root(tmp_path))


def test_key_of_another_certificate(qtbot, window, demo, rsa_key, other_key, test_ca, tmp_path):
    cert, key = tmp_path / "shop.crt", tmp_path / "other.key"
    cert.write_bytes(pem(test_ca.issue(rsa_key.public_key())))
    key.write_bytes(key_pem(other_key))
    before = tree_bytes(demo)
    wizard, page = files_page(window)
    page.use_files(cert, key)
    settled(qtbot, page)
    assert "The certificate does not match the key file: it was issued for another key." in \
        page.ui.source_error.text()
    assert not page.isComplete() and tree_bytes(demo) == before


def test_cancel_while_reading_a_pkcs12(qtbot, window, demo, rsa_key, test_ca, tmp_path):
    pfx = tmp_path / "shop.pfx"
    pfx.write_bytes(pfx_bytes(rsa_key, test_ca.issue(rsa_key.public_key()), password=None))
    before = tree_bytes(demo)
    wizard, page = files_page(window)
    page.use_pkcs12(pfx)
    page.ui.source_progress.cancel_button.click()
    runner = wizard.context.runner
    assert not runner.running and page.plan is None
    qtbot.waitUntil(lambda: runner.pool.activeThreadCount() == 0, timeout=10000)
    qtbot.wait(0)
    assert page.plan is None
    wizard.reject()
    assert thread_free(runner) and tree_bytes(demo) == before
