"""The "Get a free certificate (ACME)" path: CA, names and challenge; the order off the GUI thread; Finish installs."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
)

from tlsgui.errors import TlsguiError
from tlsgui.forms.ui_wizard_acme_done import Ui_WizardAcmeDone
from tlsgui.forms.ui_wizard_acme_run import Ui_WizardAcmeRun
from tlsgui.forms.ui_wizard_acme_setup import Ui_WizardAcmeSetup
from tlsgui.model.options import split_names
from tlsgui.policy.acme import PRESETS, resolve_directory
from tlsgui.policy.files import CERT_FILE, KEY_FILE
from tlsgui.policy.hosts import ip_of
from tlsgui.project.acme_store import AcmeStore, OrderSettings
from tlsgui.wizard.background import PageTask
from tlsgui.wizard.base import WizardPage
from tlsgui.wizard.ids import PageId

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1e6b2f;"
CUSTOM = "custom"


def public_names(host_names: str) -> list[str]:
    """The project's host names a public CA can issue for (no localhost, no IP addresses, no single labels)."""
    names = []
    for name in split_names(host_names):
        if ip_of(name) is not None:
            continue
        if "." in name and name.lower() != "localhost" and not name.lower().endswith(".local"):
            names.append(name.lower())
    return names


class AcmeSetupPage(WizardPage):
    """The CA (with its terms), the names, the challenge and its preflight."""

    form_class = Ui_WizardAcmeSetup
    page_id = PageId.ACME_SETUP

    def setup(self) -> None:
        ui = self.ui
        # Test seams and expert settings, as the CLI's hidden options (a test points them at Pebble).
        self.extra = {"http_address": "", "challenge_port": 80, "dns_server": ""}
        for preset in PRESETS.values():
            ui.ca_combo.addItem(preset.label, preset.name)
        ui.ca_combo.addItem("Another ACME CA (directory URL)…", CUSTOM)
        self.ca_combo, self.url_edit, self.terms_label = ui.ca_combo, ui.url_edit, ui.terms_label
        self.agree_check, self.staging_check, self.eab_row = ui.agree_check, ui.staging_check, ui.eab_row
        self.email_edit, self.eab_kid_edit, self.eab_hmac_edit = ui.email_edit, ui.eab_kid_edit, ui.eab_hmac_edit
        self.domains_edit, self.ca_bundle_edit, self.port_spin = ui.domains_edit, ui.ca_bundle_edit, ui.port_spin
        self.preflight_button, self.preflight_label = ui.preflight_button, ui.preflight_label
        self.problem_label = ui.problem_label
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.challenge_group = QButtonGroup(self)
        self.challenge_buttons = {"http-port": ui.challenge_http_port, "webroot": ui.challenge_webroot,
                                  "dns-01": ui.challenge_dns_01}
        for button in self.challenge_buttons.values():
            self.challenge_group.addButton(button)
        self.preflight_task = PageTask(self.context.runner, self)
        self.preflight_task.task_finished.connect(self._preflight_done)
        self.preflight_task.task_failed.connect(lambda words: self._preflight_done(words))
        self.ca_combo.currentIndexChanged.connect(self._ca_changed)
        self.agree_check.toggled.connect(lambda _: self.completeChanged.emit())
        self.domains_edit.textChanged.connect(lambda _: self.completeChanged.emit())
        self.challenge_group.buttonToggled.connect(lambda *_: self._challenge_changed())
        self.preflight_button.clicked.connect(self.run_preflight)
        self.challenge_buttons["http-port"].setChecked(True)
        self._ca_changed()

    def initializePage(self) -> None:
        if not self.domains_edit.text():
            self.domains_edit.setText(", ".join(public_names(self.document.settings.web_host_names)))
        # New users (no ACME account in this project yet) are offered a staging run first.
        self.staging_check.setChecked(not AcmeStore(self.context.paths).account_key.is_file()
                                      and self.ca_combo.currentData() == "letsencrypt")

    # ---- what the person chose

    def preset(self):
        return PRESETS.get(self.ca_combo.currentData())

    def directory(self) -> str:
        return self.url_edit.text().strip() if self.ca_combo.currentData() == CUSTOM else self.preset().directory

    def challenge(self) -> str:
        return next(kind for kind, button in self.challenge_buttons.items() if button.isChecked())

    def domains(self) -> list[str]:
        return [d for d in self.domains_edit.text().replace(";", ",").replace(" ", ",").split(",") if d]

    def choose_ca(self, name: str) -> None:
        self.ca_combo.setCurrentIndex(self.ca_combo.findData(name))

    def choose_challenge(self, kind: str) -> None:
        self.challenge_buttons[kind].setChecked(True)

    def order_settings(self, key_type: str) -> OrderSettings:
        kind = self.challenge()
        return OrderSettings(domains=self.domains(), directory=self.directory(), email=self.email_edit.text().strip(),
                             challenge="dns-01" if kind == "dns-01" else "http-01",
                             http_port=self.port_spin.value() if kind == "http-port" else None,
                             webroot=kind == "webroot", key_type=key_type,
                             ca_bundle=self.ca_bundle_edit.text().strip(), eab_kid=self.eab_kid_edit.text().strip(),
                             dns_server=self.extra["dns_server"])

    def request(self):
        from tlsgui.acme.request import Request, check_request, default_key_type

        project = self.context.project_for_install()
        request = Request(self.order_settings(default_key_type(project)), agree_tos=self.agree_check.isChecked(),
                          eab_hmac_key=self.eab_hmac_edit.text().strip(), http_address=self.extra["http_address"],
                          challenge_port=self.extra["challenge_port"])
        request.settings = check_request(project, request)
        return request

    # ---- reactions

    def _ca_changed(self) -> None:
        preset = self.preset()
        self.url_edit.setVisible(preset is None)
        self.eab_row.setVisible(preset is None or preset.eab_required)
        self.staging_check.setVisible(preset is not None and preset.name == "letsencrypt")
        if preset is not None:
            self.terms_label.setText(f'Terms: <a href="{html.escape(preset.terms)}">{html.escape(preset.terms)}</a>'
                                     + (" — needs External Account Binding (EAB) keys from its web console."
                                        if preset.eab_required else ""))
        else:
            self.terms_label.setText("The CA's terms are linked from its directory; tlsgui shows them if the CA "
                                     "refuses without your agreement.")
        self.completeChanged.emit()

    def _challenge_changed(self) -> None:
        kind = self.challenge()
        self.port_spin.setEnabled(kind == "http-port")
        self.preflight_button.setVisible(kind == "webroot")
        self.preflight_label.setVisible(kind == "webroot")
        self.preflight_label.clear()

    def run_preflight(self) -> None:
        """The webroot reachability check, in the background; its words appear next to the button."""
        from tlsgui.acme.challenges import Webroot
        from tlsgui.acme.request import web_folder

        domains, folder = self.domains(), web_folder(self.document.project)
        port, dns_server = self.extra["challenge_port"], self.extra["dns_server"]
        self.preflight_label.setStyleSheet("")
        self.preflight_label.setText("Checking…")

        def check(token, progress):
            webroot = Webroot(folder, lambda *_: None)
            try:
                troubles = [t for t in (webroot.preflight(d, port, dns_server) for d in domains) if t]
            finally:
                webroot.cleanup()
            return "\n".join(troubles)

        self.preflight_task.submit(check)

    def _preflight_done(self, trouble: str) -> None:
        ok = not trouble
        self.preflight_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.preflight_label.setText("4D serves the folder: the CA will find the answer." if ok else trouble)

    def preflight_words(self) -> str:
        return self.preflight_label.text()

    def isComplete(self) -> bool:
        return bool(self.domains()) and self.agree_check.isChecked()

    def validatePage(self) -> bool:
        try:
            self.request()
            if self.ca_combo.currentData() == CUSTOM:
                resolve_directory(self.directory())
        except (TlsguiError, ValueError) as exc:
            self.problem_label.setText(str(exc))
            return False
        self.problem_label.clear()
        return True

    def nextId(self) -> int:
        return int(PageId.ACME_RUN)

    def is_final(self) -> bool:
        return False


class AcmeRunPage(WizardPage):
    """The order, off the GUI thread, with progress and Cancel; nothing is written into the project here."""

    form_class = Ui_WizardAcmeRun
    page_id = PageId.ACME_RUN

    def setup(self) -> None:
        self.log, self.error_label, self.cancel_button = self.ui.log, self.ui.error_label, self.ui.cancel_button
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.task = PageTask(self.context.runner, self)
        self.task.task_finished.connect(self._finished)
        self.task.task_failed.connect(self._failed)
        self.task.task_cancelled.connect(self._cancelled)
        self.context.runner.task_progressed.connect(self._progressed)
        self.cancel_button.clicked.connect(self.cancel)
        self.staged = None
        self.state = "idle"  # running, done, failed, cancelled

    def initializePage(self) -> None:
        setup: AcmeSetupPage = self.wizard().page(int(PageId.ACME_SETUP))
        request = setup.request()
        staging_first = setup.staging_check.isVisible() and setup.staging_check.isChecked()
        project = self.context.project_for_install()
        self.staged, self.state = None, "running"
        self.log.clear()
        self.error_label.clear()
        self.cancel_button.setEnabled(True)
        self.task.submit(_order_task(project, request, staging_first))
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self.state == "running":
            self.task.cancel()

    def _progressed(self, fraction, status: str) -> None:
        if status and self.state == "running":
            self.log.appendPlainText(status)

    def _finished(self, staged) -> None:
        self.staged, self.state = staged, "done"
        self.cancel_button.setEnabled(False)
        self.log.appendPlainText(f"Issued for {', '.join(staged.domains)}, valid until "
                                 f"{staged.not_after:%Y-%m-%d %H:%M} UTC. Next: review and install.")
        self.completeChanged.emit()

    def _failed(self, words: str) -> None:
        self.state = "failed"
        self.cancel_button.setEnabled(False)
        self.error_label.setText(f"{words}\nNothing was installed. Go Back to change the settings.")
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.state = "cancelled"
        self.cancel_button.setEnabled(False)
        self.error_label.setText("Cancelled: nothing was installed.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state == "done"

    def nextId(self) -> int:
        return int(PageId.ACME_DONE)

    def is_final(self) -> bool:
        return False


def _order_task(project, request, staging_first: bool):
    """The function the runner calls on a worker thread: (staging run,) order, stage; never installs."""
    import dataclasses

    def run(token, progress):
        # The network modules (acme, requests, josepy: ~0.1 s to import) load here, on the worker thread.
        from tlsgui.acme.client import Cancelled
        from tlsgui.acme.obtain import obtain

        say = lambda text: progress(None, text)  # noqa: E731
        cancelled = lambda: token.cancelled  # noqa: E731
        try:
            if staging_first:
                say("Test run with Let's Encrypt staging…")
                trial = dataclasses.replace(request, settings=dataclasses.replace(
                    request.settings, directory=PRESETS["letsencrypt-staging"].directory))
                obtain(project, trial, progress=say, cancelled=cancelled, install=False, remember=False)
                say("The test run worked. Now the real certificate…")
            return obtain(project, request, progress=say, cancelled=cancelled, install=False)
        except Cancelled:
            from tlsgui.workers.cancel import TaskCancelled

            raise TaskCancelled() from None

    return run


class AcmeDonePage(WizardPage):
    """The checklist of the issued certificate, what 4D needs, and "Renew automatically"; Finish installs."""

    form_class = Ui_WizardAcmeDone
    page_id = PageId.ACME_DONE

    def setup(self) -> None:
        self.checklist, self.timer_check = self.ui.checklist, self.ui.timer_check
        self.timer_words: list[str] = []

    def initializePage(self) -> None:
        staged = self.wizard().page(int(PageId.ACME_RUN)).staged
        rows = [f"✔ Issued for {html.escape(', '.join(staged.domains))}",
                f"✔ Valid until {staged.not_after:%Y-%m-%d %H:%M} UTC "
                f"({(staged.not_after - staged.not_before).days} days)"]
        for check in staged.plan.checks:
            mark = "✔" if check.severity is None else ("⚠" if check.severity.value == "warning" else "✖")
            rows.append(f"{mark} {html.escape(check.message)}")
        self.checklist.setText("<br>".join(rows))
        from tlsgui.acme.request import reload_words

        self.ui.reload_label.setText(reload_words(self.document.project))

    def finish(self) -> list[Path]:
        from tlsgui.acme import timers
        from tlsgui.acme.obtain import install_staged

        staged = self.wizard().page(int(PageId.ACME_RUN)).staged
        result = install_staged(self.context.project_for_install(), staged)
        written = [result.folder / KEY_FILE, result.folder / CERT_FILE]
        if self.timer_check.isChecked():
            done = timers.install_timer(self.context.paths)
            written += done.files
            self.timer_words = done.lines()
        return written


PAGES = (AcmeSetupPage, AcmeRunPage, AcmeDonePage)
