"""Request a certificate: key → subject → review (background) → the saved key and CSR, finished across a restart."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from gui.conftest import read_only_tree, tree_bytes
from tlsgui.project.pending import list_pending
from tlsgui.wizard.ids import PageId

from .conftest import assert_pair_on_disk, go_next, openssl, start_wizard, thread_free

HOSTS = "shop.example.com, www.shop.example.com"


def to_review(qtbot, window, key="key_rsa2048", **fields):
    wizard = start_wizard(window, "request")
    assert wizard.currentId() == PageId.REQUEST_KEY
    wizard.currentPage().choose(key)
    go_next(qtbot, wizard)
    subject = wizard.currentPage()
    subject.fill(**fields)
    go_next(qtbot, wizard)
    assert wizard.currentId() == PageId.REQUEST_REVIEW
    return wizard


def test_request_then_install_after_a_restart(qtbot, window, open_window, demo, prompts, test_ca, tmp_path):
    window.document.push_setting("web.host_names", HOSTS)
    wizard = start_wizard(window, "request")
    key_page = wizard.currentPage()
    assert key_page.chosen() == "key_rsa2048"  # preselected
    go_next(qtbot, wizard)
    subject = wizard.currentPage()
    # Prefilled from the project's host names: the first is the common name, the others SANs.
    assert subject.ui.common_name.text() == "shop.example.com"
    assert subject.ui.sans.toPlainText() == "www.shop.example.com"
    assert subject.ui.common_name_label.buddy() is subject.ui.common_name
    subject.fill(country="FR", organization="Demo Shop", email="admin@shop.example.com")
    before = tree_bytes(demo)
    go_next(qtbot, wizard)
    review = wizard.currentPage()
    qtbot.waitUntil(review.isComplete, timeout=20000)
    summary = review.ui.summary_text.toPlainText()
    assert "shop.example.com, www.shop.example.com" in summary and "RSA 2048-bit" in summary
    assert "Demo Shop" in summary and "SHA256, valid" in summary
    assert tree_bytes(demo) == before  # the review writes nothing
    go_next(qtbot, wizard)  # the commit step: saves the pending key, then shows the request
    done = wizard.currentPage()
    assert wizard.currentId() == PageId.REQUEST_DONE
    [pending] = list_pending(window.document.project.paths)
    assert pending.key_path.stat().st_mode & 0o777 == 0o600
    csr_text = done.ui.csr_text.toPlainText()
    assert csr_text.startswith("-----BEGIN CERTIFICATE REQUEST-----") and done.ui.csr_text.isReadOnly()
    assert pending.csr_path.read_text() == csr_text
    assert "verify OK" in openssl("req", "-in", pending.csr_path, "-verify", "-noout")
    # The request belongs to the saved key.
    requested_key = openssl("pkey", "-in", pending.key_path, "-pubout")
    assert openssl("req", "-in", pending.csr_path, "-noout", "-pubkey") == requested_key
    done.copy()
    assert QGuiApplication.clipboard().text() == csr_text
    prompts.save_answers.append(str(tmp_path / "shop.csr"))
    done.save_as()
    assert prompts.saved == ["shop.example.com.csr"]
    assert "verify OK" in openssl("req", "-in", tmp_path / "shop.csr", "-verify", "-noout")
    assert "Install the certificate I received" in done.ui.next_step_label.text()
    assert not wizard.button(wizard.WizardButton.BackButton).isEnabled() or \
        not wizard.button(wizard.WizardButton.BackButton).isVisible()
    with qtbot.waitSignal(wizard.files_written) as written:
        wizard.accept()
    assert written.args[0] == [str(pending.key_path), str(pending.csr_path)]
    assert not (demo / "key.pem").exists()
    window.close()

    # Days later: a new window on the same project; the CA answered with the certificate and its chain.
    answer = tmp_path / "from-the-ca.pem"
    answer.write_bytes(test_ca.chain_pem(test_ca.sign_csr(pending.csr_path.read_bytes())))
    again = open_window(demo)
    assert again is not window
    wizard = start_wizard(again, "received")
    source = wizard.currentPage()
    assert "is waiting for its certificate" in source.ui.pending_label.text()
    source.load_files([answer])
    go_next(qtbot, wizard)
    checks = wizard.currentPage()
    assert wizard.currentId() == PageId.RECEIVED_CHECKS
    kinds = dict((text.split(":")[0], kind) for kind, text in checks.rows())
    assert kinds["Key match"] == kinds["Chain"] == kinds["Dates"] == "ok"
    assert any(f"pending key {pending.id}" in text for _kind, text in checks.rows())
    with qtbot.waitSignal(wizard.files_written):
        wizard.accept()
    assert_pair_on_disk(demo, test_ca.write_root(tmp_path))
    assert openssl("pkey", "-in", demo / "key.pem", "-pubout") == requested_key  # the key made days ago
    assert list_pending(again.document.project.paths) == []  # installed: the pending copy is gone
    assert not wizard.isVisible()


def test_subject_errors_show_the_core_message_and_block_next(qtbot, window):
    wizard = start_wizard(window, "request")
    go_next(qtbot, wizard)
    page = wizard.currentPage()
    assert not page.isComplete()  # the common name is required (registered with *)
    page.fill(common_name="shop.example.com", country="F1")
    assert not page.isComplete()
    assert page.ui.subject_error.text().startswith("Country: The country 'F1' is not a 2-letter ISO 3166 code.")
    page.fill(country="fr", sans="www.shop.example.com\nbad name!")
    assert not page.isComplete() and "Other host names: SAN 'bad name!'" in page.ui.subject_error.text()
    page.fill(sans="www.shop.example.com\nIP:192.0.2.10", email="nobody")
    assert not page.isComplete() and page.ui.subject_error.text().startswith("E-mail:")
    page.fill(email="")
    assert page.isComplete() and page.ui.subject_error.isHidden()


def test_ecdsa_request_and_its_warnings(qtbot, window, demo):
    wizard = to_review(qtbot, window, key="key_ecdsa_p256", common_name="intranet.local")
    review = wizard.currentPage()
    qtbot.waitUntil(review.isComplete, timeout=20000)
    assert "ECDSA P-256" in review.ui.summary_text.toPlainText()
    assert "internal-only name" in review.ui.warnings_label.text()
    go_next(qtbot, wizard)
    [pending] = list_pending(window.document.project.paths)
    assert "verify OK" in openssl("req", "-in", pending.csr_path, "-verify", "-noout")
    assert "ASN1 OID: prime256v1" in openssl("pkey", "-in", pending.key_path, "-noout", "-text")


def test_cancel_during_key_generation_writes_nothing(qtbot, window, demo):
    before = tree_bytes(demo)
    wizard = to_review(qtbot, window, key="key_rsa4096", common_name="shop.example.com")
    review = wizard.currentPage()
    runner = wizard.context.runner
    with qtbot.waitSignal(runner.task_progressed):
        pass  # the worker thread is inside key generation now
    assert runner.running and review.ui.review_progress.busy
    review.ui.review_progress.cancel_button.click()
    assert not runner.running and not review.isComplete()
    assert review.ui.review_error.text().startswith("Cancelled: nothing was written.")
    assert review.ui.retry_button.isVisible()
    wizard.reject()
    assert runner.pool.activeThreadCount() == 0 and thread_free(runner)
    assert review.result is None  # the late key was dropped, never delivered
    assert tree_bytes(demo) == before


def test_wizard_cancel_while_generating_asks_then_stops_everything(qtbot, window, demo, prompts):
    before = tree_bytes(demo)
    wizard = to_review(qtbot, window, key="key_rsa4096", common_name="shop.example.com")
    with qtbot.waitSignal(wizard.context.runner.task_progressed):
        pass
    prompts.confirm_answers = [False, True]
    wizard.reject()  # "No": keep working
    assert wizard.isVisible() and wizard.context.runner.running
    wizard.reject()
    assert not wizard.isVisible() and thread_free(wizard.context.runner)
    assert tree_bytes(demo) == before


def test_read_only_project_at_the_commit_step(qtbot, window, demo):
    wizard = to_review(qtbot, window, common_name="shop.example.com")
    review = wizard.currentPage()
    qtbot.waitUntil(review.isComplete, timeout=20000)
    before = tree_bytes(demo)
    with read_only_tree(demo):
        wizard.next()
        assert wizard.currentId() == PageId.REQUEST_REVIEW  # the request is not shown without its saved key
        assert "The request is not shown until its key is saved." in review.ui.review_error.text()
    assert tree_bytes(demo) == before
    go_next(qtbot, wizard)  # writable again: the same request goes on
    assert len(list_pending(window.document.project.paths)) == 1


def test_cancel_after_the_request_was_shown_keeps_its_key(qtbot, window, demo, prompts, tmp_path):
    wizard = to_review(qtbot, window, common_name="shop.example.com")
    go_next(qtbot, wizard)
    done = wizard.currentPage()
    unwritable = tmp_path / "locked"
    unwritable.mkdir()
    prompts.save_answers.append(str(unwritable / "shop.csr"))
    with read_only_tree(unwritable):
        done.save_as()
    assert prompts.errors and prompts.errors[-1][0] == "The request was not saved"
    assert not (unwritable / "shop.csr").exists()
    wizard.reject()  # Cancel on the last page: the key behind the shown request must survive
    [pending] = list_pending(window.document.project.paths)
    assert pending.csr_path.read_text() == done.ui.csr_text.toPlainText()
