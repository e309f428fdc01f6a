"""What the two install paths share: reading the input in the background (with password prompts) and the checks page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidgetItem

from tlsgui.crypto.summary import certificate_summary
from tlsgui.errors import PasswordNeeded, TlsguiError
from tlsgui.forms.ui_wizard_checks import Ui_WizardChecksPage
from tlsgui.policy.files import CERT_FILE, KEY_FILE
from tlsgui.policy.findings import Severity
from tlsgui.project.install import InstallPlan, install_planned, plan_install_data, read_input
from tlsgui.wizard.background import PageTask
from tlsgui.wizard.base import WizardPage

# Traffic-light colours, readable on a light background (WCAG AA against white).
COLOURS = {"ok": "#1b7f3b", "warning": "#8a5a00", "error": "#b3261e", "info": "#505050"}
SELF_NAMED = re.compile(r"[A-Za-z ]{1,20}: ")
CHECK_NAMES = {"key": "Key match", "dates": "Dates", "lifetime": "Lifetime", "strength": "Key strength",
               "hash": "Signature", "usage": "Usage", "names": "Host names", "issuer": "Issuer", "chain": "Chain"}

# The core's advice names CLI options; in the wizard the same advice points at the import path.
_IMPORT_PATH = "the wizard's \"Import an existing key and certificate\""
CLI_ADVICE = {
    "give its key with --key FILE.": f"import it with its key file ({_IMPORT_PATH}).",
    "Give the matching key with --key FILE.": f"Import it with its key file ({_IMPORT_PATH}).",
    "Give the key with --key FILE.": f"Import it with its key file ({_IMPORT_PATH}).",
    "or give the key with --key FILE.": f"or import it with its key file ({_IMPORT_PATH}).",
}


def for_the_wizard(message: str) -> str:
    for cli, words in CLI_ADVICE.items():
        message = message.replace(cli, words)
    return message


@dataclass(frozen=True)
class Source:
    """One input: a file chosen or dropped (read in the worker), or text already in memory (a paste)."""

    where: str
    path: Path | None = None
    data: bytes | None = None
    what: str = "file"

    @classmethod
    def file(cls, path: Path | str, what: str = "file") -> "Source":
        return cls(str(path), path=Path(path), what=what)

    def read(self) -> bytes:
        return self.data if self.data is not None else read_input(self.path, self.what)


@dataclass(frozen=True)
class PasswordRequest:
    """The worker's answer when a file needs a password (`wrong`: the one given did not open it)."""

    where: str
    wrong: bool


@dataclass(frozen=True)
class PlanResult:
    plan: InstallPlan
    leaf: dict  # certificate_summary of the leaf, for the status line


def plan_task(project, sources: list[Source], key_source: Source | None, password: bytes | None):
    """The background function: read every input, plan the install, run the checks; nothing is written."""

    def run(token, progress) -> PlanResult | PasswordRequest:
        progress(None, "Reading…")
        data = [(source.read(), source.where) for source in sources]
        key = (key_source.read(), key_source.where) if key_source is not None else None
        token.raise_if_cancelled()
        try:
            plan = plan_install_data(project, data, key, password)
        except PasswordNeeded as exc:
            return PasswordRequest(exc.where or "The file", exc.wrong)
        return PlanResult(plan, certificate_summary(plan.chain.leaf))

    return run


class PlanSourcePage(WizardPage):
    """A page whose form has source_progress, source_status and source_error; it produces `plan`."""

    def setup(self) -> None:
        self.plan: InstallPlan | None = None
        self._sources: list[Source] = []
        self._key_source: Source | None = None
        self._password: bytes | None = None
        self.task = PageTask(self.context.runner, self)
        self.task.task_finished.connect(self._on_planned)
        self.task.task_failed.connect(self._on_failed)
        self.task.task_cancelled.connect(self._on_cancelled)
        self.ui.source_progress.cancel_requested.connect(self.cancel_reading)
        self.ui.source_progress.hide()
        self.show_error("")

    # ---- driving

    def start_plan(self, sources: list[Source], key_source: Source | None = None) -> None:
        """Read and check these inputs in the background (a newer call supersedes an older one)."""
        self._sources, self._key_source, self._password = list(sources), key_source, None
        self._forget_plan()
        self._submit()

    def cancel_reading(self) -> None:
        self.task.cancel()

    def _submit(self) -> None:
        self.show_error("")
        self.ui.source_status.setText("")
        self.ui.source_progress.show()
        self.ui.source_progress.start("Reading and checking…")
        self.task.submit(plan_task(self.context.project_for_install(), self._sources, self._key_source,
                                   self._password))
        self.completeChanged.emit()

    def _forget_plan(self) -> None:
        self.plan = None
        self.completeChanged.emit()

    # ---- outcomes

    def _on_planned(self, result) -> None:
        self.ui.source_progress.stop("")
        self.ui.source_progress.hide()
        if isinstance(result, PasswordRequest):
            self._ask_password(result)
            return
        self.plan = result.plan
        leaf = result.leaf
        names = ", ".join(leaf["names"]) or leaf["subject"]
        self.ui.source_status.setText(
            f"Read: a certificate for {names}, issued by {leaf['issuer']}, valid until {leaf['not_after'][:10]}; "
            f"{len(result.plan.chain.intermediates)} intermediate(s); private key: {result.plan.key_source}.")
        self.completeChanged.emit()

    def _ask_password(self, request: PasswordRequest) -> None:
        name = Path(request.where).name or request.where
        text = (f"The password does not open {name}. Try again:" if request.wrong
                else f"{name} is protected by a password. Enter it:")
        answer = self.context.prompts.ask_password(self, "Password", text)
        if answer is None:
            self.show_error(f"{name} needs its password: nothing was read. Open the file again to enter it.")
            return
        self._password = answer
        self._submit()

    def _on_failed(self, message: str) -> None:
        self.ui.source_progress.stop("")
        self.ui.source_progress.hide()
        self.show_error(f"{for_the_wizard(message)} Nothing was installed.")

    def _on_cancelled(self) -> None:
        self.ui.source_progress.stop("")
        self.ui.source_progress.hide()
        self.show_error("Cancelled: nothing was read or written. Paste, open or drop the certificate again.")
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        self.ui.source_error.setText(text)
        self.ui.source_error.setVisible(bool(text))

    def isComplete(self) -> bool:
        return self.plan is not None and not self.task.running

    def validatePage(self) -> bool:
        return self.isComplete()


def dot_icon(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class ChecksPage(WizardPage):
    """Every check of the plan made by `source_page_id`, as a green/amber/red list; Finish installs it.

    Errors block Finish with no override (a security tool does not install what clients would refuse;
    the CLI's --force remains for experts); warnings need no tick.
    """

    form_class = Ui_WizardChecksPage
    source_page_id: int = -1

    def setup(self) -> None:
        self.plan: InstallPlan | None = None

    def initializePage(self) -> None:
        self.plan = self.wizard().page(int(self.source_page_id)).plan
        self.show_plan(self.plan)

    def cleanupPage(self) -> None:
        self.plan = None

    def nextId(self) -> int:
        return -1

    def rows(self) -> list[tuple[str, str]]:
        """(kind, text) of each row shown: kind is ok, warning, error or info."""
        out = []
        for i in range(self.ui.checks_list.count()):
            item = self.ui.checks_list.item(i)
            out.append((item.data(Qt.ItemDataRole.UserRole), item.text()))
        return out

    def show_plan(self, plan: InstallPlan) -> None:
        view = self.ui.checks_list
        view.clear()
        for check in plan.checks:
            kind = "ok" if check.passed else ("error" if check.severity is Severity.ERROR else "warning")
            # "Key: RSA 2048-bit." names itself; "Valid from …" gets its check's name in front.
            named = SELF_NAMED.match(check.message)
            text = check.message if named else f"{CHECK_NAMES.get(check.name, check.name.title())}: {check.message}"
            if check.fix and not check.passed:
                text += f"\n{check.fix}"
            self._add(kind, text)
        self._add("info", f"Private key: {plan.key_source}.")
        for notice in plan.notices:
            self._add("info", notice)
        errors = len(plan.errors)
        warnings = sum(1 for c in plan.checks if c.severity is Severity.WARNING)
        files = f"key.pem and cert.pem in {plan.folder}"
        if errors:
            self.ui.checks_summary.setText(f"{errors} error(s), {warnings} warning(s).")
            self.ui.blocked_label.setText("The red check(s) must be fixed first: servers or clients would refuse "
                                          "this certificate, so it cannot be installed. Nothing was written.")
        else:
            self.ui.checks_summary.setText(
                (f"{warnings} warning(s) to read; " if warnings else "Every check passed; ")
                + f"Finish writes {files} (a backup is kept of what they replace).")
            self.ui.blocked_label.setText("")
        self.ui.blocked_label.setVisible(bool(errors))
        self.completeChanged.emit()

    def _add(self, kind: str, text: str) -> None:
        item = QListWidgetItem(dot_icon(COLOURS[kind]), text)
        item.setForeground(QColor(COLOURS[kind]))
        item.setData(Qt.ItemDataRole.UserRole, kind)
        self.ui.checks_list.addItem(item)

    def isComplete(self) -> bool:
        return self.plan is not None and not self.plan.errors

    def finish(self) -> list[Path]:
        """Install key.pem and cert.pem (backup first); TlsguiError (e.g. read-only folder) changes nothing."""
        if not self.isComplete():
            raise TlsguiError("The checks found errors, so nothing was installed.",
                              fix="Go back and choose the certificate issued for this project's key.")
        install_planned(self.context.project_for_install(), self.plan)
        return [self.plan.folder / KEY_FILE, self.plan.folder / CERT_FILE]
