"""The "Get a free certificate (ACME)" path against Pebble: the order off the GUI thread, Cancel, Finish installs."""

from __future__ import annotations

import os
import stat
import subprocess

import pytest

from gui.conftest import tree_bytes
from tlsgui.wizard.ids import PageId

from .conftest import finish, go_next, start_wizard, thread_free


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def _setup(window, pebble, names="shop.example.test"):
    wizard = start_wizard(window, "acme")
    setup = wizard.currentPage()
    assert wizard.currentId() == PageId.ACME_SETUP
    setup.choose_ca("custom")
    setup.url_edit.setText(pebble.directory)
    setup.ca_bundle_edit.setText(str(pebble.ca_bundle))
    setup.domains_edit.setText(names)
    setup.agree_check.setChecked(True)
    setup.choose_challenge("http-port")
    setup.port_spin.setValue(pebble.http_port)
    setup.extra.update(http_address="127.0.0.1", dns_server=pebble.dns_server)
    return wizard, setup


def test_free_certificate_installed_at_finish_with_a_timer(qtbot, window, demo, pebble, home):
    wizard, setup = _setup(window, pebble)
    before = tree_bytes(demo)
    go_next(qtbot, wizard)
    run = wizard.currentPage()
    assert wizard.currentId() == PageId.ACME_RUN and run.state == "running"
    go_next(qtbot, wizard, timeout=60000)  # the order ran on the runner; the GUI thread stayed free
    assert "validating" in run.log.toPlainText()
    # Issued but not installed: before Finish only the ACME account (in .tlsgui/) was written.
    assert {k: v for k, v in tree_bytes(demo).items() if not k.startswith(".tlsgui/")} == before
    assert not (demo / "cert.pem").exists() and not (demo / "key.pem").exists()
    done = wizard.currentPage()
    assert "shop.example.test" in done.checklist.text()
    written = finish(qtbot, wizard)
    assert str(demo / "cert.pem") in written and str(demo / "key.pem") in written
    assert stat.S_IMODE(os.stat(demo / "key.pem").st_mode) == 0o600
    verified = subprocess.run(["openssl", "verify", "-CAfile", str(pebble.root), "-untrusted",
                               str(demo / "cert.pem"), str(demo / "cert.pem")], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    assert sorted(p.suffix for p in (home / "systemd" / "user").iterdir()) == [".service", ".timer"]
    assert (demo / ".tlsgui" / "acme" / "order.json").is_file()  # remembered for `tlsgui renew`
    assert set(before) <= set(tree_bytes(demo))


def test_cancel_leaves_nothing_installed(qtbot, window, demo, pebble, home):
    wizard, setup = _setup(window, pebble)
    before = tree_bytes(demo)
    go_next(qtbot, wizard)
    run = wizard.currentPage()
    run.cancel()
    qtbot.waitUntil(lambda: run.state == "cancelled", timeout=20000)
    qtbot.waitUntil(lambda: thread_free(wizard.context.runner), timeout=60000)
    assert not run.isComplete() and "nothing was installed" in run.error_label.text()
    after = tree_bytes(demo)
    assert {k: v for k, v in after.items() if not k.startswith(".tlsgui/")} == before
    assert not (demo / ".tlsgui" / "acme" / "journal.json").exists()
    assert not (demo / ".tlsgui" / "acme" / "order-key.pem").exists()


def test_failed_validation_is_shown_in_words(qtbot, window, demo, pebble, home):
    from acme_pebble.pebble_env import free_port

    wizard, setup = _setup(window, pebble)
    setup.port_spin.setValue(free_port())  # tlsgui answers where the CA does not ask
    go_next(qtbot, wizard)
    run = wizard.currentPage()
    qtbot.waitUntil(lambda: run.state == "failed", timeout=60000)
    qtbot.waitUntil(lambda: thread_free(wizard.context.runner), timeout=60000)
    assert "could not connect" in run.error_label.text() and "Nothing was installed" in run.error_label.text()
    assert not (demo / "cert.pem").exists()


def test_bad_names_stay_on_the_setup_page(qtbot, window, pebble, home):
    wizard, setup = _setup(window, pebble, names="not_a name!")
    wizard.next()
    assert wizard.currentId() == PageId.ACME_SETUP
    assert "not a valid host name" in setup.problem_label.text()


def test_webroot_preflight_result_is_shown(qtbot, window, demo, pebble, home):
    from acme_pebble.standin import StaticServer

    wizard, setup = _setup(window, pebble)
    setup.choose_challenge("webroot")
    setup.extra["challenge_port"] = pebble.http_port
    setup.run_preflight()
    qtbot.waitUntil(lambda: setup.preflight_words() not in ("", "Checking…"), timeout=20000)
    assert "cannot be reached" in setup.preflight_words()  # nothing serves the WebFolder yet
    with StaticServer(demo / "WebFolder", pebble.http_port):
        setup.run_preflight()
        qtbot.waitUntil(lambda: setup.preflight_words().startswith("4D serves"), timeout=20000)
    assert not (demo / "WebFolder" / ".well-known").exists()


def test_domains_prefilled_from_the_host_names(qtbot, window, pebble, home):
    window.document.push_setting("web.host_names", "shop.example.com, localhost, 192.0.2.1, www.shop.example.com")
    wizard = start_wizard(window, "acme")
    assert wizard.currentPage().domains() == ["shop.example.com", "www.shop.example.com"]


def test_dns01_record_shown_then_validated_once_it_resolves(qtbot, window, demo, pebble, home):
    import re

    wizard, setup = _setup(window, pebble)
    setup.choose_challenge("dns-01")
    go_next(qtbot, wizard)
    run = wizard.currentPage()
    qtbot.waitUntil(lambda: "TXT" in run.log.toPlainText(), timeout=30000)
    match = re.search(r'(_acme-challenge\.shop\.example\.test)\. TXT "([^"]+)"', run.log.toPlainText())
    assert match and run.state == "running"  # waiting for the record, the window responsive
    pebble.set_txt(match.group(1), match.group(2))
    qtbot.waitUntil(lambda: run.state == "done", timeout=60000)
    assert not (demo / "cert.pem").exists()
    go_next(qtbot, wizard)
    wizard.currentPage().timer_check.setChecked(False)
    finish(qtbot, wizard)
    assert (demo / "cert.pem").is_file()


def test_staging_first_is_offered_to_a_new_project(qtbot, window, home):
    wizard = start_wizard(window, "acme")
    setup = wizard.currentPage()
    assert setup.ca_combo.currentData() == "letsencrypt"
    assert setup.staging_check.isVisible() and setup.staging_check.isChecked()
    setup.choose_ca("zerossl")
    assert not setup.staging_check.isVisible() and setup.eab_row.isVisible()
    assert "zerossl.com" in setup.terms_label.text()
