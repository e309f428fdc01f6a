"""The forward-secrecy path: a standard group at once, custom parameters in a child that Cancel kills."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from gui.conftest import read_only_tree, tree_bytes
from tlsgui.crypto.dhparams import group_pem
from tlsgui.wizard import forward_secrecy_page
from tlsgui.wizard.ids import PageId

from .conftest import finish

ROOT = Path(__file__).resolve().parents[3]


def dhparam_check(path: Path) -> str:
    result = subprocess.run(["openssl", "dhparam", "-check", "-noout", "-in", str(path)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def dh_bits(path: Path) -> int:
    text = subprocess.run(["openssl", "dhparam", "-noout", "-text", "-in", str(path)], capture_output=True,
                          text=True, check=True).stdout
    return int(text.split("(", 1)[1].split(" bit", 1)[0])


def gone(pid: int) -> bool:
    return pid > 0 and not Path(f"/proc/{pid}").exists()


@pytest.fixture
def test_size(monkeypatch):
    monkeypatch.setattr(forward_secrecy_page, "ALLOW_TEST_SIZE", True)


def open_forward_secrecy(window):
    window.open_wizard("forward_secrecy")
    wizard = window.wizard
    assert wizard.currentId() == PageId.FORWARD_SECRECY
    return wizard, wizard.currentPage()


def start_generation(qtbot, page, bits: int):
    with qtbot.waitSignal(page.job.job_started, timeout=20000):
        page.generate(bits)
    assert page.generating() and page.job.pid > 0
    return page.job.pid


def test_standard_group_is_preselected_and_installed(qtbot, window):
    wizard, page = open_forward_secrecy(window)
    assert page.use_standard() and page.group() == "ffdhe2048"
    assert "recommended" in page.ui.group_combo.currentText()
    assert "DHE cipher suites need" in page.subTitle() and "ECDHE" in page.subTitle()
    assert "There is no dhparams.pem in" in page.ui.files_label.text()
    assert not page.ui.generate_button.isEnabled()  # only with "Generate custom DH parameters"
    written = finish(qtbot, wizard)
    target = window.document.root / "dhparams.pem"
    assert written == [str(target)]
    assert target.read_bytes() == group_pem("ffdhe2048")
    assert "DH parameters appear to be ok" in dhparam_check(target)
    assert dh_bits(target) == 2048
    assert not (window.document.root / ".tlsgui" / "backups").exists()


def test_another_group_replaces_dhparams_after_a_backup(qtbot, window):
    target = window.document.root / "dhparams.pem"
    target.write_bytes(group_pem("ffdhe4096"))
    window.document.refresh_facts()
    wizard, page = open_forward_secrecy(window)
    assert "dhparams.pem (4096-bit) exists now" in page.ui.files_label.text()
    page.ui.group_combo.setCurrentIndex(page.ui.group_combo.findData("ffdhe3072"))
    assert "ffdhe3072" in page.ui.result_label.text()
    finish(qtbot, wizard)
    assert dh_bits(target) == 3072
    dhparam_check(target)
    backups = list((window.document.root / ".tlsgui" / "backups").iterdir())
    assert [p.read_bytes() for p in backups[0].glob("*-dhparams.pem")] == [group_pem("ffdhe4096")]


def test_custom_parameters_are_generated_into_staging_then_installed(qtbot, window, test_size):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_forward_secrecy(window)
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    with qtbot.waitSignal(page.job.job_succeeded, timeout=30000):
        start_generation(qtbot, page, 512)
        assert not page.isComplete() and not finish_button.isEnabled()  # Finish waits for the result
        assert page.ui.job_progress.busy and page.ui.job_progress.bar.maximum() == 0  # indeterminate
        assert page.ui.job_progress.cancel_button.isEnabled()
    staging = wizard.context.staging_dir()
    assert page.staged == (512, staging / "dhparams.pem")
    assert tree_bytes(root) == before  # generated next to nothing of the project's
    assert "Custom 512-bit parameters are ready" in page.ui.result_label.text()
    assert page.ui.job_progress.elapsed_text().startswith("elapsed 0:")
    staged = (staging / "dhparams.pem").read_bytes()
    finish(qtbot, wizard)
    target = root / "dhparams.pem"
    assert target.read_bytes() == staged
    assert dh_bits(target) == 512
    assert "DH parameters appear to be ok" in dhparam_check(target)
    assert not staging.exists()


def test_gui_never_offers_the_test_size(qtbot, window):
    wizard, page = open_forward_secrecy(window)
    sizes = [page.ui.bits_combo.itemData(i) for i in range(page.ui.bits_combo.count())]
    assert sizes == [2048, 3072, 4096]
    with pytest.raises(Exception, match="512 bits is not offered"):
        page.generate(512)
    assert not page.generating()
    wizard.reject()


def test_cancel_during_generation_kills_the_child_and_writes_nothing(qtbot, window):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_forward_secrecy(window)
    page.choose_custom()
    pid = start_generation(qtbot, page, 2048)  # killed long before it could finish
    with qtbot.waitSignal(page.job.job_cancelled, timeout=5000):
        page.ui.job_progress.cancel_button.click()
    assert gone(pid) and not page.generating() and page.staged is None
    assert "cancelled; nothing was written" in page.ui.result_label.text()
    assert not page.isComplete() and page.ui.generate_button.isEnabled()
    staging = wizard.context.staging_dir()
    assert list(staging.iterdir()) == []
    wizard.reject()  # nothing runs: closes without asking
    assert not wizard.isVisible() and not staging.exists()
    assert tree_bytes(root) == before


def test_closing_the_wizard_during_generation_asks(qtbot, window, prompts):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_forward_secrecy(window)
    pid = start_generation(qtbot, page, 2048)
    staging = wizard.context.staging_dir()
    prompts.confirm_answers = [False]
    wizard.close()  # the title bar's close button
    assert wizard.isVisible() and page.generating() and not gone(pid)
    assert "Background work is still running" in prompts.confirmed[-1]
    prompts.confirm_answers = [True]
    wizard.reject()  # the Cancel button
    assert not wizard.isVisible() and gone(pid) and not page.generating()
    assert not staging.exists() and tree_bytes(root) == before


def test_closing_the_main_window_during_generation_asks(qtbot, window, prompts):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_forward_secrecy(window)
    pid = start_generation(qtbot, page, 2048)
    staging = wizard.context.staging_dir()
    prompts.confirm_answers = [False]
    window.close()
    assert window.isVisible() and wizard.isVisible() and page.generating() and not gone(pid)
    assert "Stop it and close?" in prompts.confirmed[-1]
    prompts.confirm_answers = [True]
    window.close()
    assert not window.isVisible() and not wizard.isVisible()
    assert gone(pid) and not page.generating()
    assert wizard.context.runner.pool.activeThreadCount() == 0
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert not staging.exists() and tree_bytes(root) == before
    assert len(prompts.confirmed) == 2  # one question each time, never a second one from the wizard


def test_read_only_folder_at_finish_keeps_the_wizard_open(qtbot, window, prompts, test_size):
    root = window.document.root
    before = tree_bytes(root)
    wizard, page = open_forward_secrecy(window)
    with qtbot.waitSignal(page.job.job_succeeded, timeout=30000):
        start_generation(qtbot, page, 512)
    with read_only_tree(root):
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.isVisible() and prompts.errors[-1][0] == "Nothing was installed"
        assert tree_bytes(root) == before
    assert page.staged is not None and page.staged[1].is_file()  # kept for the next try
    finish(qtbot, wizard)
    assert dh_bits(root / "dhparams.pem") == 512


def test_the_app_names_its_desktop_file():
    from tlsgui.app import create_app

    app = create_app()
    assert QGuiApplication.desktopFileName() == "org.tlsgui.tlsgui"
    assert (ROOT / "packaging" / "linux" / f"{app.desktopFileName()}.desktop").is_file()


def test_closing_the_main_window_with_an_idle_wizard_does_not_ask(qtbot, window, prompts):
    wizard, page = open_forward_secrecy(window)
    staging = wizard.context.staging_dir()
    window.close()
    assert not window.isVisible() and not wizard.isVisible()
    assert prompts.confirmed == [] and not staging.exists()
