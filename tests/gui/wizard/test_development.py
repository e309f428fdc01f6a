"""The development-certificate path: prefilled names, bad input refused in place, files checked with openssl."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import threading

from PySide6.QtWidgets import QWizard

from gui.conftest import read_only_tree, tree_bytes, write_cert
from tlsgui.wizard import development_page
from tlsgui.wizard.ids import PageId

from .conftest import finish

HOSTS = "shop.example.com, www.shop.example.com, 192.0.2.10"


def openssl(*args: str) -> str:
    result = subprocess.run(["openssl", *args], capture_output=True, text=True, check=True)
    return result.stdout


def open_development(qtbot, window):
    window.open_wizard("development")
    wizard = window.wizard
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.DEVELOPMENT
    qtbot.waitUntil(page.key_ready, timeout=20000)  # the key is made on the runner, not the GUI thread
    return wizard, page


def validity_days(cert) -> float:
    dates = dict(line.split("=", 1) for line in openssl("x509", "-in", str(cert), "-noout", "-dates").splitlines())
    parse = lambda text: dt.datetime.strptime(text.replace("  ", " "), "%b %d %H:%M:%S %Y %Z")  # noqa: E731
    return (parse(dates["notAfter"]) - parse(dates["notBefore"])).total_seconds() / 86400


def assert_key_matches(folder) -> None:
    cert_pub = openssl("x509", "-in", str(folder / "cert.pem"), "-noout", "-pubkey")
    key_pub = openssl("pkey", "-in", str(folder / "key.pem"), "-pubout")
    assert cert_pub == key_pub
    assert stat.S_IMODE((folder / "key.pem").stat().st_mode) == 0o600


def test_walked_to_finish_with_the_projects_names(qtbot, window, prompts):
    window.document.push_setting("web.host_names", HOSTS)  # unsaved: the wizard uses the window's value
    wizard, page = open_development(qtbot, window)
    assert page.ui.common_name_edit.text() == "shop.example.com"
    assert page.ui.sans_edit.toPlainText().splitlines() == [
        "DNS:localhost", "IP:127.0.0.1", "IP:::1", "DNS:shop.example.com", "DNS:www.shop.example.com",
        "IP:192.0.2.10"]
    assert page.ui.days_edit.text() == "365" and page.key_type() == "rsa"
    assert "Browsers will not trust" in page.ui.trust_warning.text()
    assert "neither exists there yet" in page.ui.files_label.text()
    assert page.ui.common_name_label.buddy() is page.ui.common_name_edit
    assert page.ui.sans_label.buddy() is page.ui.sans_edit

    written = finish(qtbot, wizard)
    root = window.document.root
    assert sorted(written) == sorted([str(root / "key.pem"), str(root / "cert.pem")])
    text = openssl("x509", "-in", str(root / "cert.pem"), "-noout", "-text")
    for name in ("DNS:localhost", "IP Address:127.0.0.1", "IP Address:0:0:0:0:0:0:0:1", "DNS:shop.example.com",
                 "DNS:www.shop.example.com", "IP Address:192.0.2.10"):
        assert name in text
    assert "Subject: CN = shop.example.com" in text and "Public-Key: (2048 bit)" in text
    assert "TLS Web Server Authentication" in text
    assert round(validity_days(root / "cert.pem")) == 365
    assert_key_matches(root)
    assert not (root / ".tlsgui" / "backups").exists()  # nothing was replaced, so nothing backed up
    assert prompts.errors == []


def test_ecdsa_replaces_the_existing_pair_after_a_backup(qtbot, window, rsa_key):
    root = window.document.root
    write_cert(root, rsa_key)
    old = {name: (root / name).read_bytes() for name in ("key.pem", "cert.pem")}
    wizard, page = open_development(qtbot, window)
    assert "key.pem and cert.pem exist now" in page.ui.files_label.text()
    assert "backups" in page.ui.files_label.text()
    page.ui.key_type_combo.setCurrentIndex(page.ui.key_type_combo.findData("ecdsa"))
    qtbot.waitUntil(page.key_ready, timeout=20000)
    page.ui.days_edit.setText("30")
    page.ui.sans_edit.setPlainText("DNS:localhost\nIP:127.0.0.1\ndev.shop.test")
    finish(qtbot, wizard)

    text = openssl("x509", "-in", str(root / "cert.pem"), "-noout", "-text")
    assert "id-ecPublicKey" in text and "prime256v1" in text
    assert "DNS:dev.shop.test" in text and "Subject: CN = localhost" in text
    assert round(validity_days(root / "cert.pem")) == 30
    assert_key_matches(root)
    backups = list((root / ".tlsgui" / "backups").iterdir())
    assert len(backups) == 1
    stored = {p.name.split("-", 1)[1]: p.read_bytes() for p in backups[0].glob("0*-*.pem")}
    assert stored == old


BAD_INPUTS = [
    ("days_edit", "0", "at least 1 day"),
    ("days_edit", "-5", "at least 1 day"),
    ("days_edit", "99999", "too long"),
    ("days_edit", "399", "more than 398 days"),
    ("days_edit", "a year", "is not a number of days"),
    ("days_edit", "", "The validity is empty"),
    ("common_name_edit", "", "The common name is empty"),
    ("common_name_edit", "shop example com", "is not a host name or IP address"),
    ("sans_edit", "DNS:localhost\nDNS:shop..example.com", "'DNS:shop..example.com' is not a valid host name"),
    ("sans_edit", "IP:127.0.0.300", "'IP:127.0.0.300' is not a valid IP address"),
    ("sans_edit", "DNS:local host", "'DNS:local host' is not a valid host name"),
]


def test_every_bad_input_is_refused_in_place(qtbot, window, prompts):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_development(qtbot, window)
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    good = {"days_edit": "365", "common_name_edit": "localhost", "sans_edit": "DNS:localhost"}
    for field, value, words in BAD_INPUTS:
        editor = getattr(page.ui, field)
        editor.setPlainText(value) if field == "sans_edit" else editor.setText(value)
        assert words in page.problem(), (field, value, page.problem())
        assert page.ui.problem_label.isVisible() and page.ui.problem_label.text() == page.problem()
        assert not page.isComplete() and not finish_button.isEnabled()
        wizard.accept()  # as if Finish were forced: refused with the same words, the wizard stays open
        assert wizard.isVisible() and words in prompts.errors[-1][1]
        assert tree_bytes(root) == before
        editor.setPlainText(good[field]) if field == "sans_edit" else editor.setText(good[field])
        assert page.problem() == "" and not page.ui.problem_label.isVisible() and finish_button.isEnabled()
    assert len(prompts.errors) == len(BAD_INPUTS)


def test_read_only_folder_at_finish_keeps_the_wizard_open(qtbot, window, prompts):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_development(qtbot, window)
    with read_only_tree(root):
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.isVisible() and wizard.currentId() == PageId.DEVELOPMENT
        assert prompts.errors and prompts.errors[-1][0] == "Nothing was installed"
        assert tree_bytes(root) == before
    finish(qtbot, wizard)  # the cause fixed, Finish works with the same key
    assert_key_matches(root)


def test_the_key_is_made_off_the_gui_thread(qtbot, window, monkeypatch):
    threads = []
    real = development_page.generate_key

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(development_page, "generate_key", recording)
    wizard, page = open_development(qtbot, window)
    assert threads and threads[0] is not threading.main_thread()
    assert "ready" in page.ui.key_status_label.text()
    wizard.reject()


def test_closing_the_window_while_the_key_is_made_asks_and_leaves_no_thread(qtbot, window, prompts, monkeypatch):
    # The key is held back until the question was asked, so "still running" is certain, not a race.
    release = threading.Event()
    real = development_page.generate_key

    def held(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(development_page, "generate_key", held)
    before = tree_bytes(window.document.root)
    window.open_wizard("development")
    wizard = window.wizard
    assert wizard.context.busy
    prompts.confirm_answers = [False]
    window.close()
    assert window.isVisible() and wizard.isVisible() and wizard.context.busy
    assert "still running" in prompts.confirmed[-1]

    original_confirm = prompts.confirm

    def answer_yes(parent, title, text):
        release.set()
        return original_confirm(parent, title, text)

    prompts.confirm_answers = [True]
    monkeypatch.setattr(prompts, "confirm", answer_yes)
    window.close()
    assert not window.isVisible() and not wizard.isVisible()
    assert wizard.context.runner.pool.activeThreadCount() == 0
    assert tree_bytes(window.document.root) == before


def test_results_of_other_pages_tasks_on_the_shared_runner_are_ignored(qtbot, window):
    wizard, page = open_development(qtbot, window)
    key = page._keys["rsa"]
    with qtbot.waitSignal(wizard.context.runner.task_finished):
        wizard.context.runner.submit(lambda token, progress: ("rsa", "another page's result"))
    assert page._keys["rsa"] is key and page.isComplete()
    wizard.reject()


def test_reached_from_the_choice_page_and_back(qtbot, window):
    window.wizard_action.trigger()
    wizard = window.wizard
    wizard.choose_page.choose("development")
    wizard.next()
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.DEVELOPMENT and page.is_final()
    qtbot.waitUntil(page.key_ready, timeout=20000)
    page.ui.days_edit.setText("90")
    wizard.back()
    wizard.choose_page.choose("forward_secrecy")
    wizard.next()
    assert wizard.currentId() == PageId.FORWARD_SECRECY and wizard.currentPage().is_final()
    wizard.back()
    wizard.choose_page.choose("development")
    wizard.next()
    assert page.ui.days_edit.text() == "90" and page.isComplete()  # what was typed and the key are kept
    wizard.reject()
    assert not wizard.isVisible()
