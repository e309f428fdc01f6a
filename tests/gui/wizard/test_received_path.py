"""Install the certificate I received: paste, open or drop it; bad input gets words; Finish installs with a backup."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from gui.conftest import drop, read_only_tree, tree_bytes
from tlsgui.project.pending import list_pending, save_pending_key
from tlsgui.wizard.ids import PageId

from .conftest import assert_pair_on_disk, go_next, key_pem, pem, pfx_bytes, start_wizard, thread_free


@pytest.fixture
def waiting(window, rsa_key):
    """The project has a pending key (a request was made earlier), as the request path leaves it."""
    return save_pending_key(window.document.project.paths, rsa_key)


def source_page(window):
    wizard = start_wizard(window, "received")
    assert wizard.currentId() == PageId.RECEIVED_SOURCE
    return wizard, wizard.currentPage()


def settled(qtbot, page):
    qtbot.waitUntil(lambda: not page.task.running and not page._paste_timer.isActive(), timeout=10000)


def a_csr(key) -> str:
    csr = (x509.CertificateSigningRequestBuilder()
           .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "shop.example.com")]))
           .sign(key, hashes.SHA256()))
    return csr.public_bytes(serialization.Encoding.PEM).decode()


def test_paste_chain_then_finish_installs_with_a_backup(qtbot, window, demo, waiting, rsa_key, test_ca, tmp_path):
    (demo / "cert.pem").write_text("old certificate\n")  # something to back up
    wizard, page = source_page(window)
    page.paste_text(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())).decode())
    settled(qtbot, page)
    assert page.isComplete() and page.ui.source_error.isHidden()
    assert "1 intermediate(s)" in page.ui.source_status.text()
    go_next(qtbot, wizard)
    with qtbot.waitSignal(wizard.files_written) as written:
        wizard.accept()
    assert written.args[0] == [str(demo / "key.pem"), str(demo / "cert.pem")]
    assert_pair_on_disk(demo, test_ca.write_root(tmp_path))
    backups = list((demo / ".tlsgui" / "backups").glob("*/*"))
    assert any(p.read_bytes() == b"old certificate\n" for p in backups if p.is_file())
    assert list_pending(window.document.project.paths) == []


def test_an_email_with_the_pem_in_the_middle_is_extracted(qtbot, window, demo, waiting, rsa_key, test_ca):
    body = pem(test_ca.issue(rsa_key.public_key())).decode()
    mail = (f"Hello,\n\nplease find your certificate below.\n\n> {body.replace(chr(10), chr(10) + '> ')}\n"
            "Best regards,\nThe CA team\n")
    wizard, page = source_page(window)
    page.paste_text(mail)
    settled(qtbot, page)
    assert page.isComplete(), page.ui.source_error.text()
    go_next(qtbot, wizard)
    rows = wizard.currentPage().rows()
    assert ("info", "pasted text: removed the e-mail quote marks ('>') in front of the PEM lines.") in rows
    assert ("info", "pasted text: ignored the text around the PEM blocks.") in rows
    # Only the leaf: the missing intermediate is a warning in amber, which needs no tick.
    assert any(kind == "warning" and text.startswith("Chain:") for kind, text in rows)
    assert wizard.currentPage().isComplete()


BAD_PASTES = {
    "csr": ("This is a certificate request (CSR), not a certificate.", lambda key, ca: a_csr(key)),
    "private key": ("The files hold no certificate, only a private key.", lambda key, ca: key_pem(key).decode()),
    "half a certificate": ("has no matching END line: the file is truncated.",
                           lambda key, ca: pem(ca.issue(key.public_key())).decode()[:300]),
    "garbage": ("holds no PEM block", lambda key, ca: "Thanks for your order #1234!\n"),
    "empty": ("The pasted text is empty.", lambda key, ca: "  \n\t\n"),
    "another key": ("The certificate does not match the pending key",
                    lambda key, ca: pem(ca.issue(ca.intermediate_key.public_key())).decode()),
}


@pytest.mark.parametrize("case", list(BAD_PASTES))
def test_bad_paste_gets_words_and_writes_nothing(qtbot, window, demo, waiting, rsa_key, test_ca, case):
    expected, make = BAD_PASTES[case]
    before = tree_bytes(demo)
    wizard, page = source_page(window)
    page.paste_text(make(rsa_key, test_ca))
    settled(qtbot, page)
    assert expected in page.ui.source_error.text()
    assert page.ui.source_error.isVisible() and not page.isComplete()
    wizard.next()
    assert wizard.currentId() == PageId.RECEIVED_SOURCE
    assert tree_bytes(demo) == before


def test_bad_files_get_words_and_write_nothing(qtbot, window, demo, waiting, tmp_path):
    huge = tmp_path / "huge.pem"
    huge.write_bytes(b"A" * (2 * 1024 * 1024))
    cases = {tmp_path: "is a folder, not a file.", huge: "limit 1 MiB",
             tmp_path / "gone.pem": "does not exist."}
    before = tree_bytes(demo)
    wizard, page = source_page(window)
    for path, expected in cases.items():
        page.load_files([path])
        settled(qtbot, page)
        assert expected in page.ui.source_error.text() and not page.isComplete()
    assert tree_bytes(demo) == before


def test_pfx_wrong_password_asks_again(qtbot, window, demo, prompts, rsa_key, test_ca, tmp_path):
    pfx = tmp_path / "shop.pfx"
    pfx.write_bytes(pfx_bytes(rsa_key, test_ca.issue(rsa_key.public_key()), [test_ca.intermediate]))
    prompts.password_answers = [b"wrong", b"secret"]
    prompts.open_answers = [str(pfx)]
    wizard, page = source_page(window)
    page.ui.open_button.click()
    settled(qtbot, page)
    qtbot.waitUntil(page.isComplete, timeout=10000)
    assert prompts.passwords_asked == ["shop.pfx is protected by a password. Enter it:",
                                       "The password does not open shop.pfx. Try again:"]
    go_next(qtbot, wizard)
    assert any("the imported file" in text for _kind, text in wizard.currentPage().rows())
    wizard.accept()
    assert not wizard.isVisible()
    assert_pair_on_disk(demo, test_ca.write_root(tmp_path))


def test_pfx_password_prompt_cancelled_keeps_the_wizard(qtbot, window, demo, prompts, rsa_key, test_ca, tmp_path):
    pfx = tmp_path / "shop.p12"
    pfx.write_bytes(pfx_bytes(rsa_key, test_ca.issue(rsa_key.public_key())))
    prompts.password_answers = [None]
    before = tree_bytes(demo)
    wizard, page = source_page(window)
    page.load_files([pfx])
    settled(qtbot, page)
    assert page.ui.source_error.text() == ("shop.p12 needs its password: nothing was read. Open the file again "
                                           "to enter it.")
    assert wizard.isVisible() and wizard.currentId() == PageId.RECEIVED_SOURCE and not page.isComplete()
    assert tree_bytes(demo) == before


def test_der_and_p7b_files(qtbot, window, demo, waiting, rsa_key, test_ca, tmp_path):
    from cryptography.hazmat.primitives.serialization import pkcs7

    leaf = test_ca.issue(rsa_key.public_key())
    der = tmp_path / "shop.cer"
    der.write_bytes(leaf.public_bytes(serialization.Encoding.DER))
    p7b = tmp_path / "shop.p7b"
    p7b.write_bytes(pkcs7.serialize_certificates([leaf, test_ca.intermediate], serialization.Encoding.DER))
    wizard, page = source_page(window)
    for path, intermediates in ((der, 0), (p7b, 1)):
        page.load_files([path])
        settled(qtbot, page)
        assert page.isComplete(), page.ui.source_error.text()
        assert f"{intermediates} intermediate(s)" in page.ui.source_status.text()


def test_cancel_during_parsing_writes_nothing_and_drops_the_result(qtbot, window, demo, waiting, rsa_key, test_ca,
                                                                   tmp_path):
    answer = tmp_path / "cert.pem"
    answer.write_bytes(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())))
    before = tree_bytes(demo)
    wizard, page = source_page(window)
    page.load_files([answer])
    runner = wizard.context.runner
    assert runner.running and page.ui.source_progress.busy
    page.ui.source_progress.cancel_button.click()
    assert not runner.running and "Cancelled: nothing was read or written." in page.ui.source_error.text()
    qtbot.waitUntil(lambda: runner.pool.activeThreadCount() == 0, timeout=10000)
    qtbot.wait(0)  # let a late result reach the GUI thread: it must be dropped
    assert page.plan is None and not page.isComplete()
    wizard.reject()
    assert thread_free(runner) and tree_bytes(demo) == before


def test_errors_block_finish(qtbot, window, demo, waiting, rsa_key, test_ca):
    expired = test_ca.issue(rsa_key.public_key(), days=30, start_days_ago=60)
    wizard, page = source_page(window)
    page.paste_text(test_ca.chain_pem(expired).decode())
    settled(qtbot, page)
    go_next(qtbot, wizard)
    checks = wizard.currentPage()
    assert ("error" in dict((text.split(":")[0], kind) for kind, text in checks.rows())["Dates"])
    assert not checks.isComplete() and checks.ui.blocked_label.isVisible()
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    before = tree_bytes(demo)
    wizard.accept()  # even if called anyway: nothing is installed, the wizard stays
    assert wizard.isVisible() and tree_bytes(demo) == before


def test_read_only_folder_at_finish(qtbot, window, demo, waiting, rsa_key, test_ca, prompts):
    wizard, page = source_page(window)
    page.paste_text(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())).decode())
    settled(qtbot, page)
    go_next(qtbot, wizard)
    before = tree_bytes(demo)
    with read_only_tree(demo):
        wizard.accept()
    assert wizard.isVisible() and wizard.currentId() == PageId.RECEIVED_CHECKS
    assert prompts.errors and prompts.errors[-1][0] == "Nothing was installed"
    assert tree_bytes(demo) == before
    assert list_pending(window.document.project.paths)  # the key still waits
    wizard.accept()  # writable again: Finish works
    assert not wizard.isVisible() and (demo / "key.pem").is_file()


def test_a_file_dropped_on_the_page_is_read(qtbot, window, demo, waiting, rsa_key, test_ca, tmp_path):
    answer = tmp_path / "shop.crt"
    answer.write_bytes(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())))
    wizard, page = source_page(window)
    drop(page, answer)
    settled(qtbot, page)
    assert page.isComplete() and page.ui.pem_text.toPlainText() == ""
    assert "issued by CN=tlsgui Test Intermediate" in page.ui.source_status.text()


def test_a_superseded_reading_is_dropped(qtbot, window, demo, waiting, rsa_key, test_ca, tmp_path):
    good = tmp_path / "good.pem"
    good.write_bytes(test_ca.chain_pem(test_ca.issue(rsa_key.public_key())))
    wizard, page = source_page(window)
    page.paste_text("not a certificate at all")  # its failure must never show up...
    page.load_files([good])  # ...once this newer input replaced it
    settled(qtbot, page)
    qtbot.waitUntil(lambda: wizard.context.runner.pool.activeThreadCount() == 0, timeout=10000)
    qtbot.wait(0)
    assert page.isComplete() and page.ui.source_error.isHidden()
