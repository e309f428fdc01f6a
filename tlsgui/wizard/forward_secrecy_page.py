"""The forward-secrecy path: dhparams.pem from a standard RFC 7919 group or custom parameters made in a child."""

from __future__ import annotations

import html
from pathlib import Path

from tlsgui.crypto.dhparams import FFDHE_GROUPS, DhInfo, check_size, group_pem
from tlsgui.errors import TlsguiError
from tlsgui.forms.ui_wizard_forward_secrecy_page import Ui_WizardForwardSecrecyPage
from tlsgui.policy.limits import DH_SIZES, DH_TEST_SIZE, MIN_DH_BITS
from tlsgui.project.install import DH, install_dhparams, tls_folder
from tlsgui.wizard.base import WizardPage
from tlsgui.wizard.ids import PageId
from tlsgui.workers.dhparams_job import DhParamsJob

# Tests only: lets `generate(512)` run (the job's allow_test_size). The GUI never offers 512 bits.
ALLOW_TEST_SIZE = False
RECOMMENDED_GROUP = "ffdhe2048"
GROUP_WORDS = {
    "ffdhe2048": "ffdhe2048 — 2048 bits, recommended: secure today and fast for every client",
    "ffdhe3072": "ffdhe3072 — 3072 bits: more margin, slower DHE handshakes",
    "ffdhe4096": "ffdhe4096 — 4096 bits: slowest handshakes; only when a policy asks for it",
}
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = ("QLabel { background: #fff4e5; color: #8a5300; border: 1px solid #8a5300; border-radius: 4px; "
                 "padding: 6px; }")  # the main window's warning banner colours


class ForwardSecrecyPage(WizardPage):
    """Final page: Finish installs the chosen group, or the custom parameters waiting in the staging folder."""

    form_class = Ui_WizardForwardSecrecyPage
    page_id = PageId.FORWARD_SECRECY

    def setup(self) -> None:
        for name in FFDHE_GROUPS:
            self.ui.group_combo.addItem(GROUP_WORDS.get(name, name), name)
        self.ui.group_combo.setCurrentIndex(self.ui.group_combo.findData(RECOMMENDED_GROUP))
        for bits in DH_SIZES:
            self.ui.bits_combo.addItem(f"{bits} bits", bits)
        self.staged: tuple[int, Path] | None = None  # (bits, file in the staging folder) of a finished run
        self._asked_bits = 0
        self.job = DhParamsJob(self)
        self.context.jobs.append(self.job)  # so closing the wizard or the window asks first
        self.ui.job_progress.attach(self.job, "Generating…")
        self.ui.job_progress.hide()  # shown only while a generation runs; the result line says the rest
        self.job.job_started.connect(self._job_changed)
        self.job.job_succeeded.connect(self._job_succeeded)
        self.job.job_failed.connect(self._job_failed)
        self.job.job_cancelled.connect(self._job_cancelled)
        self.ui.generate_button.clicked.connect(self._generate_clicked)
        self.ui.standard_radio.toggled.connect(self._mode_changed)
        self.ui.group_combo.currentIndexChanged.connect(self._show_choice)
        self._mode_changed()

    # ---- what the person chose

    def use_standard(self) -> bool:
        return self.ui.standard_radio.isChecked()

    def choose_custom(self, custom: bool = True) -> None:
        (self.ui.custom_radio if custom else self.ui.standard_radio).setChecked(True)

    def group(self) -> str:
        return self.ui.group_combo.currentData()

    def generating(self) -> bool:
        return self.job.running

    def generate(self, bits: int | None = None) -> None:
        """Start custom parameters of `bits` (the size chosen in the form when None) in a child process."""
        bits = int(bits or self.ui.bits_combo.currentData())
        test_size = ALLOW_TEST_SIZE and bits == DH_TEST_SIZE
        check_size(bits, test_size)
        self.choose_custom()
        self._asked_bits = bits
        self.ui.result_label.setStyleSheet("")
        self.ui.result_label.setText(f"Generating {bits}-bit parameters. Finish is available when they are "
                                     "ready; Cancel stops at once and writes nothing.")
        # Into the wizard's private staging folder, never the project: Finish copies the result.
        self.job.start_generation(bits, self.context.staging_dir(), allow_test_size=test_size)
        self._job_changed()

    # ---- QWizardPage

    def initializePage(self) -> None:
        self._show_files()
        self._show_choice()

    def nextId(self) -> int:
        return -1  # the last page of its path (QWizard would otherwise go on to the next higher id)

    def isComplete(self) -> bool:
        if self.job.running:
            return False
        return self.use_standard() or self.staged is not None

    def finish(self) -> list[Path]:
        if self.job.running:
            raise TlsguiError("The DH parameters are still being generated.",
                              fix="Wait until they are ready, or cancel the generation.")
        project = self.context.project_for_install()
        if self.use_standard():
            name = self.group()
            install_dhparams(project, group_pem(name), name)  # a known group: no primality test needed
        else:
            if self.staged is None:
                raise TlsguiError("There are no custom DH parameters yet.", fix="Press Generate first.")
            bits, staged = self.staged
            try:
                pem = staged.read_bytes()
            except OSError as exc:
                raise TlsguiError(f"The generated parameters cannot be read ({exc.strerror}).",
                                  where=str(staged), fix="Generate them again.") from None
            # The job's checker child already ran dhparams.verify_generated on exactly these bytes:
            # repeating it here would freeze the window for 0.4 s (2048 bits) to 1 s (4096 bits).
            install_dhparams(project, pem, "generated parameters",
                             min_bits=DH_TEST_SIZE if bits == DH_TEST_SIZE else MIN_DH_BITS,
                             checked=DhInfo(bits=bits, generator=2, group="", probable_prime=True))
        return [tls_folder(project) / DH]

    # ---- internals

    def _generate_clicked(self, _checked: bool = False) -> None:
        self.generate()  # the size chosen in the form (clicked's bool is not a size)

    def _mode_changed(self) -> None:
        custom = not self.use_standard()
        self.ui.group_combo.setEnabled(not custom)
        self.ui.bits_combo.setEnabled(custom and not self.job.running)
        self.ui.generate_button.setEnabled(custom and not self.job.running)
        self._show_choice()

    def _show_choice(self) -> None:
        if self.job.running:
            return
        self.ui.result_label.setStyleSheet("")
        if self.use_standard():
            text = f"Finish installs the standard {self.group()} group as dhparams.pem."
        elif self.staged is not None:
            text = (f"Custom {self.staged[0]}-bit parameters are ready (generated in "
                    f"{self.job.elapsed_text()}). Finish installs them as dhparams.pem.")
        else:
            text = "Choose a size and press Generate; Finish is available once the parameters are ready."
        self.ui.result_label.setText(text)
        self.completeChanged.emit()

    def _show_files(self) -> None:
        folder = tls_folder(self.context.project_for_install())
        where = f"<b>{html.escape(str(folder))}</b>"
        if (folder / DH).is_file():
            bits = getattr(self.document.facts, "dh_bits", None)
            size = f" ({bits}-bit)" if bits else ""
            text = (f"<b>dhparams.pem{size} exists now</b> in {where} and will be replaced. A copy goes to the "
                    "project's backups first (.tlsgui/backups), so it can be restored.")
        else:
            text = f"There is no dhparams.pem in {where} yet."
        self.ui.files_label.setText(text)
        self.ui.files_label.setStyleSheet(WARNING_STYLE if (folder / DH).is_file() else "")

    def _job_changed(self, *_args) -> None:
        self.ui.job_progress.setVisible(self.job.running)
        self.ui.bits_combo.setEnabled(not self.use_standard() and not self.job.running)
        self.ui.generate_button.setEnabled(not self.use_standard() and not self.job.running)
        self.completeChanged.emit()

    def _job_succeeded(self, _pem: bytes) -> None:
        if self.job.written_path is not None:
            self.staged = (self._asked_bits, Path(self.job.written_path))
        self._job_changed()
        self._show_choice()

    def _job_failed(self, message: str) -> None:
        self._job_changed()
        self.ui.result_label.setStyleSheet(ERROR_STYLE)
        self.ui.result_label.setText(f"The generation failed: {message} Nothing was written; try again or use a "
                                     "standard group.")

    def _job_cancelled(self) -> None:
        self._job_changed()
        self.ui.result_label.setStyleSheet("")
        kept = " The parameters generated earlier are kept." if self.staged else ""
        self.ui.result_label.setText(f"Generation cancelled; nothing was written.{kept}")


PAGES = (ForwardSecrecyPage,)
