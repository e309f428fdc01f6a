"""The wizard's "Trust on this computer" and the Certificates page's development-CA row, on a private HOME."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import finish
from .test_development import open_development


@pytest.fixture
def private_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


def nss_list(home) -> str:
    return subprocess.run(["certutil", "-L", "-d", f"sql:{home / '.pki' / 'nssdb'}"], capture_output=True,
                          text=True, timeout=30).stdout


def test_trust_on_this_computer_makes_trusts_and_issues(qtbot, window, prompts, private_home):
    wizard, page = open_development(qtbot, window)
    # No CA yet: a bare self-signed certificate unless the person asks.
    assert not page.trust_check.isChecked() and page.trust_check.text() == "Trust on this computer"
    assert page.ui.days_edit.text() == "365"
    page.trust_check.setChecked(True)
    plan = page.trust_plan.text()
    assert str(private_home / ".pki" / "nssdb") in plan and "Undo:" in plan and "tlsgui devca untrust" in plan
    assert str(private_home / ".local" / "share" / "tlsgui" / "devca") in plan
    assert page.ui.days_edit.text() == "90" and page.problem() == ""
    page.ui.days_edit.setText("120")
    assert "at most 90 days" in page.problem() and not page.isComplete()
    page.ui.days_edit.setText("90")
    page.ui.sans_edit.setPlainText("DNS:localhost\nDNS:www.example.com")
    assert "www.example.com is a public name" in page.problem() and "Trust on this computer" in page.problem()
    page.ui.sans_edit.setPlainText("DNS:localhost\nDNS:shop.test\nIP:127.0.0.1")
    assert page.problem() == ""
    qtbot.waitUntil(page.isComplete, timeout=20000)

    finish(qtbot, wizard)
    root = window.document.root
    ca = private_home / ".local" / "share" / "tlsgui" / "devca" / "ca.pem"
    assert "tlsgui development CA" in nss_list(private_home) and "C,," in nss_list(private_home)
    done = subprocess.run(["openssl", "verify", "-CAfile", str(ca), "-verify_hostname", "shop.test",
                           str(root / "cert.pem")], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert prompts.errors == []

    certificates = window.page("certificates")
    window.document.refresh_facts()
    text = certificates.cert_devca.text()
    assert "cert.pem is issued by it" in text and "this computer trusts it" in text, text


def test_certificates_page_says_when_the_ca_is_not_trusted(qtbot, window, private_home):
    from tlsgui.project.devca_folder import create_ca

    certificates = window.page("certificates")
    window.document.refresh_facts()
    assert "none on this computer" in certificates.cert_devca.text()
    create_ca("tlsgui test development CA")
    window.document.refresh_facts()
    text = certificates.cert_devca.text()
    assert "tlsgui test development CA" in text and "does not trust it" in text and "no certificate" in text


def test_a_failing_trust_store_keeps_the_wizard_open_and_the_project_unchanged(qtbot, window, prompts,
                                                                               private_home, tmp_path,
                                                                               monkeypatch):
    from gui.conftest import tree_bytes

    wizard, page = open_development(qtbot, window)
    page.trust_check.setChecked(True)
    qtbot.waitUntil(page.isComplete, timeout=20000)
    before = tree_bytes(window.document.root)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no certutil on this computer
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=10000)
    assert any("libnss3-tools" in str(e) for e in prompts.errors), prompts.errors
    assert wizard.isVisible() and tree_bytes(window.document.root) == before
    assert not (private_home / ".pki").exists()
