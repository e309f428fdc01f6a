"""The main window: page list and pages, diagnostics, menu and toolbar, open/save/revert/undo, drops."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem, QMainWindow, QScrollArea, QWidget

from tlsgui.document import ProjectDocument
from tlsgui.errors import ConflictError, TlsguiError
from tlsgui.forms.ui_main_window import Ui_MainWindow
from tlsgui.pages.registry import PAGES, page_for_key
from tlsgui.widgets.icons import icon
from tlsgui.widgets.prompts import CANCEL, SAVE, Prompts
from tlsgui.widgets.qt_values import ORIENTATION_VERTICAL, TOOL_BUTTON_TEXT_BESIDE_ICON
from tlsgui.windows.ui_state import UiState

CERTIFICATE_SUFFIXES = {".pem", ".crt", ".cer", ".der", ".p12", ".pfx", ".p7b", ".p7c", ".key"}


class MainWindow(QMainWindow):
    """Shows one ProjectDocument at a time; every dialog goes through `self.prompts`."""

    first_painted = Signal()
    document_opened = Signal(object)

    def __init__(self, ui_state: UiState | None = None, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ui_state = ui_state or UiState()
        self.prompts = prompts or Prompts()
        self.document: ProjectDocument | None = None
        self.wizard = None
        self.test_dialog = None  # the "Test TLS" window, made on first use
        self.pages: dict[str, QWidget] = {}
        self._painted = False
        self._paint_seen = False
        self.undo_group = QUndoGroup(self)
        self.setWindowIcon(icon("app"))
        QApplication.setWindowIcon(icon("app"))  # message boxes and the task bar use it too
        self.setAcceptDrops(True)
        self._scrolls: dict[str, QScrollArea] = {}  # made with their page: start-up builds only one
        for page in PAGES:
            self.ui.page_list.addItem(QListWidgetItem(icon(page.icon_name), page.title))
        self.ui.page_list.currentRowChanged.connect(self._row_changed)
        self.ui.page_list.setMinimumWidth(150)
        # Qt properties, not Qt enums: nothing before the first paint builds PySide's `Qt` namespace.
        self.ui.right_splitter.setProperty("orientation", ORIENTATION_VERTICAL)
        self.ui.main_splitter.setSizes([190, 1090])
        self.ui.right_splitter.setSizes([590, 130])
        self.ui.diagnostics.problem_activated.connect(self.jump_to)
        self.ui.banner.action_clicked.connect(self.reload)
        self.ui.main_splitter.setStretchFactor(1, 1)
        self.ui.right_splitter.setStretchFactor(0, 3)
        self.ui.right_splitter.setStretchFactor(1, 1)
        self.grade_label = QLabel(self, objectName="grade_status")
        self.expiry_label = QLabel(self, objectName="expiry_status")
        self.expiry_notifications: list[str] = []  # what was notified, once per project and level
        self.statusBar().addPermanentWidget(self.expiry_label)
        self.statusBar().addPermanentWidget(self.grade_label)
        self._make_actions()
        self._restore_state()
        self._update_title()

    # --- actions --------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        # Shortcuts are set right after the first paint (_set_shortcuts): no menu is open before it, and
        # QKeySequence's set-up (its StandardKey enum) is start-up time the first picture does not need.
        self._shortcuts: list[tuple[QAction, str]] = []

        def action(name, text, shortcut, slot, icon_name=""):
            act = QAction(text, self, objectName=name)
            if icon_name:
                act.setIcon(icon(icon_name))
            if shortcut:
                self._shortcuts.append((act, shortcut))
            act.triggered.connect(slot)
            return act

        self.open_action = action("open_action", "&Open Project…", "Open",
                                  self.choose_project, "open")
        self.save_action = action("save_action", "&Save", "Save", self.save, "save")
        self.revert_action = action("revert_action", "&Revert", None, self.revert, "revert")
        self.reload_action = action("reload_action", "Re&load from Disk", None, self.reload)
        self.quit_action = action("quit_action", "&Quit", "Quit", self.close)
        self.wizard_action = action("wizard_action", "Certificate &Wizard…", None, lambda: self.open_wizard(),
                                    "certificate")
        self.test_action = action("test_action", "&Test TLS…", "Ctrl+T", self.test_tls, "tls")
        self.test_action.setToolTip("Run preview servers on 127.0.0.1 with the current settings and files, "
                                    "and check them with real TLS clients")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setObjectName("undo_action")
        self._shortcuts.append((self.undo_action, "Undo"))
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setObjectName("redo_action")
        self._shortcuts.append((self.redo_action, "Redo"))
        self.redo_action.setIcon(icon("redo"))
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for act in (self.save_action, self.revert_action, self.reload_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        certificates_menu = self.menuBar().addMenu("&Certificates")
        certificates_menu.addAction(self.wizard_action)
        certificates_menu.addAction(self.test_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_BESIDE_ICON)
        for act in (self.open_action, self.save_action, self.revert_action, self.undo_action, self.redo_action,
                    self.test_action):
            toolbar.addAction(act)
        self._fill_recent()
        self._update_actions()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.ui_state.recent_projects():
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.ui_state.recent_projects()))

    # --- documents ------------------------------------------------------------------------------
    def set_document(self, document: ProjectDocument) -> None:
        """Show `document` (the previous one, if any, is dropped; callers ask about unsaved changes first)."""
        old, self.document = self.document, document
        document.setParent(self)
        for scroll in self._scrolls.values():
            page = scroll.takeWidget()
            if page is not None:
                page.deleteLater()
        self.pages.clear()
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            old.deleteLater()
        if self.test_dialog is not None:
            self.test_dialog.cancel()  # its report was about the previous project
            self.test_dialog.hide()
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.dirty_changed.connect(self._update_title)
        document.dirty_changed.connect(self._update_actions)
        document.problems_changed.connect(self._show_problems)
        document.disk_changed.connect(self._show_banner)
        document.reloaded.connect(self._show_banner)
        self.ui_state.add_recent(str(document.root))
        self._fill_recent()
        self.show_page(self.current_page_name() or self.ui_state.last_page or PAGES[0].name)
        if self._painted:
            self._show_problems()  # before the first paint, the facts gathering after it shows them
        self._show_banner()
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(str(document.root))
        if self._painted:
            QTimer.singleShot(0, document, document.refresh_facts)
        self.document_opened.emit(document)

    def open_project(self, path: str | Path) -> bool:
        """Open another project (asking about unsaved changes first); False when nothing was opened."""
        if not self.maybe_save():
            return False
        try:
            document = ProjectDocument.open(path)
        except TlsguiError as exc:
            self.prompts.error(self, "Cannot open the project", str(exc))
            if str(path) in self.ui_state.recent_projects() and not Path(path).exists():
                self.ui_state.remove_recent(str(path))  # a recent project that was moved or deleted
                self._fill_recent()
            return False
        self.set_document(document)
        return True

    def choose_project(self) -> None:
        start = str(self.document.root.parent) if self.document else str(Path.home())
        folder = self.prompts.choose_folder(self, start)
        if folder:
            self.open_project(folder)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or nothing to save)."""
        if self.document is None or not self.document.dirty:
            return True
        answer = self.prompts.ask_unsaved(self, self.document.name)
        if answer == SAVE:
            return self.save()
        return answer != CANCEL

    def save(self) -> bool:
        if self.document is None:
            return False
        try:
            result = self.document.save()
        except ConflictError as exc:
            self.document.check_disk()  # the watcher may not have reported it yet
            self._show_banner()
            self.prompts.error(self, "Not saved", str(exc))
            return False
        except TlsguiError as exc:
            self.prompts.error(self, "Not saved", str(exc))
            return False
        names = ", ".join(p.name for p in result.written) or "nothing to write"
        self.statusBar().showMessage(f"Saved: {names}", 5000)
        self._update_actions()
        return True

    def revert(self) -> None:
        if self.document is not None:
            self.document.revert()

    def reload(self) -> None:
        if self.document is None:
            return
        if self.document.dirty and not self.prompts.confirm(
                self, "Reload from disk", f"Drop the unsaved changes to {self.document.name} and read its "
                                          "files again?"):
            return
        try:
            self.document.reload()
        except TlsguiError as exc:
            self.prompts.error(self, "Cannot reload the project", str(exc))
            return
        for page in self.pages.values():
            page.load()
        self._update_actions()

    # --- pages ----------------------------------------------------------------------------------
    def page(self, name: str):
        """The page called `name`, built the first time it is needed (start-up builds only one)."""
        if name not in self.pages:
            page = next(p for p in PAGES if p.name == name).load()(self.document)
            if hasattr(page, "wizard_requested"):
                page.wizard_requested.connect(self.open_wizard)
            if hasattr(page, "test_requested"):
                page.test_requested.connect(self.test_tls)
            if name not in self._scrolls:
                scroll = QScrollArea(self.ui.page_stack, objectName=f"{name}_scroll", widgetResizable=True)
                self._scrolls[name] = scroll
                self.ui.page_stack.addWidget(scroll)
            self._scrolls[name].setWidget(page)
            self.pages[name] = page
        return self.pages[name]

    def show_page(self, name: str) -> None:
        names = [p.name for p in PAGES]
        if name not in names:
            name = names[0]
        self.ui.page_list.setCurrentRow(names.index(name))
        self._row_changed(names.index(name))

    def current_page_name(self) -> str:
        row = self.ui.page_list.currentRow()
        return PAGES[row].name if 0 <= row < len(PAGES) else ""

    def _row_changed(self, row: int) -> None:
        if self.document is None or not 0 <= row < len(PAGES):
            return
        name = PAGES[row].name
        self.page(name)
        self.ui.page_stack.setCurrentWidget(self._scrolls[name])
        self.ui_state.last_page = name

    def jump_to(self, key: str) -> None:
        """Show the page of the setting (or file) `key` and put the keyboard focus on its field."""
        info = page_for_key(key)
        if info is None or self.document is None:
            return
        self.show_page(info.name)
        widget = self.pages[info.name].target_widget(key)
        if widget is not None:
            self._scrolls[info.name].ensureWidgetVisible(widget)
            from PySide6.QtCore import Qt

            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- showing the document's state -----------------------------------------------------------
    def _update_title(self, *_args) -> None:
        doc = self.document
        self.setWindowTitle(f"{doc.name}[*] — tlsgui" if doc else "tlsgui")
        self.setWindowModified(bool(doc and doc.dirty))

    def _update_actions(self, *_args) -> None:
        doc = self.document
        self.save_action.setEnabled(bool(doc and doc.dirty and not doc.read_only))
        self.revert_action.setEnabled(bool(doc and doc.dirty))
        self.reload_action.setEnabled(doc is not None)
        self.test_action.setEnabled(doc is not None)
        # An unreadable settings file leaves the certificate folder unknown: nothing may be installed.
        self.wizard_action.setEnabled(bool(doc and not doc.read_only))

    def _show_problems(self) -> None:
        if self.document is not None:
            self.ui.diagnostics.set_problems(self.document.problems)
            grade = self.document.grade
            trusted = f" ({grade.if_trusted} if trusted)" if grade.if_trusted else ""
            self.grade_label.setText(f"Predicted grade: {grade.grade}{trusted}")
            self._show_expiry()

    def _show_expiry(self) -> None:
        """Days left in the status bar; once per opened project inside the warning period, a notification."""
        from tlsgui.acme.status import expiry_status

        facts = self.document.facts
        cert = facts.cert
        words, level = expiry_status(cert.not_before if cert else None, cert.not_after if cert else None, facts.now)
        colour = {"error": "#b3261e", "warning": "#8a5300"}.get(level)
        self.expiry_label.setText(words)
        self.expiry_label.setStyleSheet(f"color: {colour};" if colour else "")
        key = (str(self.document.root), level)
        if level and getattr(self, "_expiry_notified", None) != key:
            self._expiry_notified = key
            self.expiry_notifications.append(words)
            from PySide6.QtWidgets import QSystemTrayIcon

            if QSystemTrayIcon.isSystemTrayAvailable():
                tray = QSystemTrayIcon(self.windowIcon(), self)
                tray.show()
                tray.showMessage(f"tlsgui — {self.document.name}", f"{words}: renew it (tlsgui renew).",
                                 QSystemTrayIcon.MessageIcon.Warning, 10000)
            else:  # no notification area (e.g. offscreen, some Wayland desktops): the status bar says it
                self.statusBar().showMessage(f"{words}: renew it.", 15000)

    def _show_banner(self, *_args) -> None:
        doc = self.document
        if doc is None:
            return
        if doc.read_only:
            self.ui.banner.show_message(
                "error", f"<b>Read-only:</b> {doc.project.error}<br>Nothing can be saved, and the file is "
                         "never overwritten. Fix the file (or restore a backup), then reload.", "Reload")
        elif doc.changed_files:
            names = ", ".join(Path(p).name for p in doc.changed_files)
            self.ui.banner.show_message(
                "warning", f"<b>Changed on disk:</b> {names} was changed by another program since it was "
                           "opened. Reload to see those changes (unsaved edits here are dropped).", "Reload")
        elif doc.project.notices:
            self.ui.banner.show_message("info", "<br>".join(doc.project.notices))
        else:
            self.ui.banner.clear()

    # --- Qt overrides ---------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted and not self._paint_seen:
            # The window's own paint event comes first; its children are painted in the same pass. A zero
            # timer fires once that pass is over: `first_painted` means the whole first picture is done.
            self._paint_seen = True
            QTimer(self, singleShot=True, interval=0, timeout=self._after_first_paint).start()
        elif event.type() == QEvent.Type.Show and not self._painted:
            # Should a platform never send the window itself a paint event, the files are read anyway.
            # A child timer, not QTimer.singleShot(msec, context, slot): that overload's resolution builds
            # QMetaMethod's enums at start-up; the child timer dies with the window all the same.
            QTimer(self, singleShot=True, interval=500, timeout=self._after_first_paint).start()
        elif event.type() == QEvent.Type.WindowActivate and self.document is not None:
            self.document.check_disk()
        return result

    def _after_first_paint(self) -> None:
        if self._painted:
            return
        self._painted = True
        self.first_painted.emit()
        self._set_shortcuts()
        if self.document is not None:
            # Reading the certificate files imports `cryptography`: only after the first paint.
            QTimer.singleShot(0, self.document, self.document.refresh_facts)

    def _set_shortcuts(self) -> None:
        """Platform shortcuts: a name is a QKeySequence.StandardKey (Open, Save, …), anything else a key string."""
        from PySide6.QtGui import QKeySequence  # its enums (StandardKey: ~70 keys) are built here, not at start-up

        for act, key in self._shortcuts:
            standard = getattr(QKeySequence.StandardKey, key, None)
            act.setShortcut(standard if standard is not None else QKeySequence(key))

    # --- certificate wizard ----------------------------------------------------------------------
    def open_wizard(self, start: str | None = None) -> None:
        """Open the certificate wizard (window-modal), at the first page or straight on one path.

        `start` is a WizardPath value; "wizard" (the Certificates page's main button) means the first page.
        """
        if self.document is None or self.document.read_only:
            return
        from tlsgui.wizard.ids import WizardPath
        from tlsgui.wizard.wizard import CertificateWizard  # imported on first use: not needed to paint

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return
        path = WizardPath(start) if start in set(WizardPath) else None
        self.wizard = CertificateWizard(self.document, self.prompts, path, self)
        self.wizard.files_written.connect(self._wizard_wrote)
        self.wizard.open()

    def close_wizard(self) -> bool:
        """Before the window closes: ask when the wizard still works (Yes kills it), then close it cleanly.

        Asked after the unsaved-changes question: cancelling that one must not cost a long generation.
        """
        wizard = self.wizard
        if wizard is None or not wizard.isVisible():
            return True
        from tlsgui.widgets.job_progress import confirm_quit_while_busy

        busy = [wizard.context.runner, *wizard.context.jobs]
        if not confirm_quit_while_busy(self, busy, ask=self.prompts.confirm):
            return False
        wizard.reject()  # nothing runs any more: no second question; stops the pool, removes the staging folder
        return True

    # --- TLS test ---------------------------------------------------------------------------------
    def test_tls(self) -> None:
        """Run the preview + probe on the current settings (unsaved edits included) and show the checklist."""
        if self.document is None:
            return
        from tlsgui.windows.check_dialog import TlsTestDialog  # imported on first use: not needed to paint

        if self.test_dialog is None:
            self.test_dialog = TlsTestDialog(self)
        if self.test_dialog.isVisible():
            self.test_dialog.raise_()  # already open, maybe behind the main window
        else:
            self.test_dialog.show()
        if not self.test_dialog.running:
            self.test_dialog.run(self.document)

    def _wizard_wrote(self, paths: list) -> None:
        if self.document is not None:
            self.document.refresh_facts()
        if paths:
            self.statusBar().showMessage("Written: " + ", ".join(Path(p).name for p in paths), 10000)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if not self.close_wizard():
            event.ignore()
            return
        if self.test_dialog is not None:
            self.test_dialog.cancel()  # a test child holds the preview's ports: it never outlives the window
            self.test_dialog.close()
        self.ui_state.set_bytes("window/geometry", self.saveGeometry())
        self.ui_state.set_bytes("window/main_splitter", self.ui.main_splitter.saveState())
        self.ui_state.set_bytes("window/right_splitter", self.ui.right_splitter.saveState())
        self.ui_state.sync()
        event.accept()

    def _restore_state(self) -> None:
        geometry = self.ui_state.get_bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        for name in ("main_splitter", "right_splitter"):
            state = self.ui_state.get_bytes(f"window/{name}")
            if state is not None:
                getattr(self.ui, name).restoreState(state)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.open_dropped(paths[0])

    def open_dropped(self, path: Path) -> None:
        """A dropped folder (or a file inside a project) opens it; a certificate file is for the wizard."""
        if path.is_file() and path.suffix.lower() in CERTIFICATE_SUFFIXES:
            from tlsgui.wizard.ids import PageId, WizardPath

            self.open_wizard(WizardPath.RECEIVED)
            # Only onto the received page: a wizard already open on another step keeps its own work.
            if self.wizard is not None and self.wizard.currentId() == PageId.RECEIVED_SOURCE:
                self.wizard.page_by_id(PageId.RECEIVED_SOURCE).load_files([path])
            return
        self.open_project(path)
