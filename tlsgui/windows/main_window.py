"""The main window: page list and pages, diagnostics, menu and toolbar, open/save/revert/undo, drops."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem, QMainWindow, QScrollArea, QWidget

from tlsgui.document import ProjectDocument
from tlsgui.errors import ConflictError, TlsguiError
from tlsgui.forms.ui_main_window import Ui_MainWindow
from tlsgui.pages.registry import PAGES, page_for_key
from tlsgui.widgets.icons import icon
from tlsgui.widgets.qt_values import ORIENTATION_VERTICAL, TOOL_BUTTON_TEXT_BESIDE_ICON
from tlsgui.windows.ui_state import UiState, is_throwaway_demo

if TYPE_CHECKING:
    from tlsgui.widgets.prompts import Prompts

CERTIFICATE_SUFFIXES = {".pem", ".crt", ".cer", ".der", ".p12", ".pfx", ".p7b", ".p7c", ".key"}


def grade_text(document) -> str:
    """The status bar's grade, explained: "T" alone means nothing to most people."""
    grade = document.grade
    if grade is None:
        return "Predicted grade: — (the settings cannot be read)"
    if grade.grade == "T":
        better = f"; {grade.if_trusted} with a trusted certificate" if grade.if_trusted else ""
        return f"Predicted grade: T (certificate not trusted{better})"
    if grade.grade == "-":
        return "Predicted grade: — (no HTTPS server to grade)"
    return f"Predicted grade: {grade.grade}"


def grade_tip(document) -> str:
    grade = document.grade
    if grade is None:
        return "Fix or restore the settings file, then reload, to see the grade."
    text = ("The grade SSL Labs' server test would give the web server with these settings and files "
            "(https://github.com/ssllabs/research/wiki/SSL-Server-Rating-Guide).")
    if grade.grade == "T":
        text += (" T means browsers do not trust the certificate (self-signed, or its CA is unknown to them): "
                 "fine for testing, not for production.")
    return text + ("\n• " + "\n• ".join(grade.reasons) if grade.reasons else "")


def initial_size(free):
    """1280×800 where it fits; otherwise the screen's free area (without panels) less room for the window frame,
    so the title bar and the status bar stay on screen (a 1280×800 screen gave a 1284×804 frame)."""
    from PySide6.QtCore import QSize

    frame = 40  # title bar and borders of common window managers; Qt knows them only once the window is shown
    return QSize(max(640, min(1280, free.width() - 16)), max(480, min(800, free.height() - frame)))


def broken_settings_file(document) -> Path | None:
    """The unreadable settings file of a read-only project ("where" may end in ":LINE")."""
    error = document.project.error if document is not None else None
    if error is None or not error.where:
        return None
    where = Path(error.where)
    if not where.exists() and ":" in error.where:
        where = Path(error.where.rsplit(":", 1)[0])
    return where if where.exists() else None


class MainWindow(QMainWindow):
    """Shows one ProjectDocument at a time; every dialog goes through `self.prompts`."""

    first_painted = Signal()
    document_opened = Signal(object)

    def __init__(self, ui_state: UiState | None = None, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.ui_state = ui_state or UiState()
        self._prompts = prompts
        self.document: ProjectDocument | None = None
        self.wizard = None
        self.test_dialog = None  # the "Test TLS" window, made on first use
        self.pages: dict[str, QWidget] = {}
        self._painted = False
        self._paint_seen = False
        self.undo_group = QUndoGroup(self)
        self.setAcceptDrops(True)
        self._scrolls: dict[str, QScrollArea] = {}  # made with their page: start-up builds only one
        for page in PAGES:
            self.ui.page_list.addItem(QListWidgetItem(page.title))
        self._icon_actions: list[tuple[QAction, str]] = []  # set again from the dark set when the palette turns
        self._set_icons()
        self.ui.page_list.currentRowChanged.connect(self._row_changed)
        self.ui.page_list.setMinimumWidth(150)
        # Qt properties, not Qt enums: nothing before the first paint builds PySide's `Qt` namespace.
        self.ui.right_splitter.setProperty("orientation", ORIENTATION_VERTICAL)
        self.ui.main_splitter.setSizes([190, 1090])
        self.ui.right_splitter.setSizes([590, 130])
        self.ui.diagnostics.problem_activated.connect(self.jump_to)
        self.ui.banner.action_clicked.connect(self.reload)
        self.ui.banner.extra_clicked.connect(self._banner_extra)
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

    @property
    def prompts(self) -> Prompts:
        """Every dialog goes through this seam; made on first use (no dialog is part of the first picture)."""
        if self._prompts is None:
            from tlsgui.widgets.prompts import Prompts

            self._prompts = Prompts()
        return self._prompts

    # --- actions --------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        # Shortcuts are set right after the first paint (_set_shortcuts): no menu is open before it, and
        # QKeySequence's set-up (its StandardKey enum) is start-up time the first picture does not need.
        self._shortcuts: list[tuple[QAction, str]] = []

        def action(name, text, shortcut, slot, icon_name=""):
            act = QAction(text, self, objectName=name)
            if icon_name:
                act.setIcon(icon(icon_name))
                self._icon_actions.append((act, icon_name))
            if shortcut:
                self._shortcuts.append((act, shortcut))
            act.triggered.connect(slot)
            return act

        self.open_action = action("open_action", "&Open Project…", "Open",
                                  self.choose_project, "open")
        self.open_action.setToolTip("Open a 4D project: its folder, or its .4DProject file")
        self.open_file_action = action("open_file_action", "Open .4D&Project File…", None, self.choose_project_file)
        self.save_action = action("save_action", "&Save", "Save", self.save, "save")
        self.revert_action = action("revert_action", "&Revert Unsaved Changes", "Ctrl+Shift+R", self.revert,
                                    "revert")
        self.revert_action.setIconText("Revert")
        self.reload_action = action("reload_action", "Re&load from Disk", "F5", self.reload)
        self.export_action = action("export_action", "&Export for Remote Clients…", None, self.export_for_clients)
        self.export_action.setToolTip("Copy cert.pem and key.pem into a folder, for 4D remote clients")
        self.quit_action = action("quit_action", "&Quit", "Quit", self.close)
        self.wizard_action = action("wizard_action", "Certificate &Wizard…", None, lambda: self.open_wizard(),
                                    "certificate")
        self.test_action = action("test_action", "&Test TLS…", "Ctrl+T", self.test_tls, "tls")
        self.test_action.setToolTip("Run preview servers on 127.0.0.1 with the current settings and files, "
                                    "and check them with real TLS clients")
        self.probe_action = action("probe_action", "&Probe a Server…", None, self.probe_server)
        self.probe_action.setToolTip("Check a running 4D server at HOST:PORT with the same checklist as Test TLS")
        # A fixed label (the toolbar never jumps as command names change); the command is in the tooltip.
        self.undo_action = action("undo_action", "&Undo", "Undo", self.undo_group.undo, "undo")
        self.redo_action = action("redo_action", "&Redo", "Redo", self.undo_group.redo, "redo")
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda text: self._undo_tip(self.undo_action, "Undo", text))
        self.undo_group.redoTextChanged.connect(lambda text: self._undo_tip(self.redo_action, "Redo", text))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_file_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        for act in (self.undo_action, self.redo_action):
            edit_menu.addAction(act)
        edit_menu.addSeparator()
        for act in (self.revert_action, self.reload_action):
            edit_menu.addAction(act)
        self._make_view_menu()
        certificates_menu = self.menuBar().addMenu("&Certificates")
        certificates_menu.addAction(self.wizard_action)
        certificates_menu.addAction(self.test_action)
        certificates_menu.addAction(self.probe_action)
        self._make_help_menu()
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_BESIDE_ICON)
        for act in (self.open_action, self.save_action, self.revert_action, self.undo_action, self.redo_action,
                    self.test_action):
            toolbar.addAction(act)
        self._fill_recent()
        self._update_actions()

    def _make_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu("&View")
        view_menu.setObjectName("view_menu")
        self.page_actions: list[QAction] = []
        for number, page in enumerate(PAGES, start=1):
            act = QAction(f"&{number} {page.title}", self, objectName=f"view_{page.name}_action", checkable=True)
            act.triggered.connect(lambda _=False, n=page.name: self.show_page(n))
            self._shortcuts.append((act, f"Ctrl+{number}"))
            view_menu.addAction(act)
            self.page_actions.append(act)
        view_menu.addSeparator()
        self.problems_action = QAction("&Problems Panel", self, objectName="problems_action", checkable=True,
                                       checked=True)
        self.problems_action.toggled.connect(self.ui.diagnostics.setVisible)
        view_menu.addAction(self.problems_action)

    def _make_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.setObjectName("help_menu")
        self.page_help_action = QAction("4D Documentation for This &Page", self, objectName="page_help_action")
        self.page_help_action.triggered.connect(self.show_page_help)
        self._shortcuts.append((self.page_help_action, "F1"))  # not StandardKey.HelpContents: empty on some platforms
        self.docs_action = QAction("tlsgui &Documentation", self, objectName="docs_action")
        self.docs_action.triggered.connect(self.show_documentation)
        self.about_action = QAction("&About tlsgui", self, objectName="about_action")
        self.about_action.triggered.connect(self.show_about)
        for act in (self.page_help_action, self.docs_action):
            help_menu.addAction(act)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    @staticmethod
    def _undo_tip(act: QAction, verb: str, text: str) -> None:
        act.setToolTip(f"{verb}: {text}" if text else f"Nothing to {verb.lower()}")
        act.setStatusTip(act.toolTip())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [path for path in self.ui_state.recent_projects() if not is_throwaway_demo(path)]
        for number, path in enumerate(recent, start=1):
            # "&1 /path": numbered as in every desktop application, the number is the mnemonic (1–9, then 0).
            prefix = f"&{number % 10} " if number <= 10 else ""
            act = self.recent_menu.addAction(prefix + path.replace("&", "&&"))
            act.setData(path)
            act.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if recent:
            self.recent_menu.addSeparator()
            clear = self.recent_menu.addAction("&Clear List")
            clear.setObjectName("clear_recent_action")
            clear.triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.ui_state.clear_recent()
        self._fill_recent()

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
        if not is_throwaway_demo(document.root):
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

    def choose_project_file(self) -> None:
        """Open a project by its .4DProject file (what a 4D developer double-clicks)."""
        path = self.prompts.open_file(self, "Open a 4D project file", "4D project (*.4DProject);;All files (*)")
        if path:
            self.open_project(path)

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, discarded, or nothing to save)."""
        if self.document is None or not self.document.dirty:
            return True
        answer = self.prompts.ask_unsaved(self, self.document.name)
        from tlsgui.widgets.prompts import CANCEL, SAVE

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
        self._reload_now()

    def _reload_now(self) -> None:
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
            if hasattr(page, "restore_requested"):
                page.restore_requested.connect(self.restore_backup)
            if hasattr(page, "details_requested"):
                page.details_requested.connect(self.show_certificate)
            if name not in self._scrolls:
                scroll = QScrollArea(self.ui.page_stack, objectName=f"{name}_scroll", widgetResizable=True)
                self._scrolls[name] = scroll
                self.ui.page_stack.addWidget(scroll)
            self._scrolls[name].setWidget(page)
            self.pages[name] = page
            if self._painted:  # before the first paint: in _after_first_paint (Qt's focus enums cost start-up)
                self._tab_order(page)
        return self.pages[name]

    def _tab_order(self, page: QWidget) -> None:
        """Tab goes page list → the page's fields in reading order → Problems. Pages are made after the window,
        so without this their fields came after the Problems panel; their scroll area is no stop of its own."""
        from PySide6.QtCore import Qt

        self._scrolls[page.name].setFocusPolicy(Qt.FocusPolicy.NoFocus)
        def tab_stop(widget: QWidget) -> bool:
            return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)

        def inside_another_stop(widget: QWidget) -> bool:  # an editable combo box's line edit, a tree's viewport
            parent = widget.parentWidget()
            while parent is not None and parent is not page:
                if tab_stop(parent):
                    return True
                parent = parent.parentWidget()
            return False

        fields = [w for w in page.findChildren(QWidget) if tab_stop(w) and not inside_another_stop(w)]
        chain = [self.ui.page_list, *fields, self.ui.diagnostics.list]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

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
        for index, act in enumerate(getattr(self, "page_actions", ())):
            act.setChecked(index == row)

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
        if doc is None:
            self.setWindowTitle("tlsgui")
        else:
            state = (" (read-only)" if doc.read_only else "") + \
                (" (throw-away demo copy)" if is_throwaway_demo(doc.root) else "")
            self.setWindowTitle(f"{doc.name}[*]{state} — tlsgui")
        self.setWindowModified(bool(doc and doc.dirty))

    def _update_actions(self, *_args) -> None:
        doc = self.document
        self.save_action.setEnabled(bool(doc and doc.dirty and not doc.read_only))
        self.revert_action.setEnabled(bool(doc and doc.dirty))
        self.reload_action.setEnabled(doc is not None)
        self.test_action.setEnabled(doc is not None)
        self.export_action.setEnabled(bool(doc and doc.facts.cert_present and doc.facts.key_present))
        # An unreadable settings file leaves the certificate folder unknown: nothing may be installed.
        self.wizard_action.setEnabled(bool(doc and not doc.read_only))

    def _show_problems(self) -> None:
        if self.document is not None:
            self.ui.diagnostics.set_problems(self.document.problems)
            self.grade_label.setText(grade_text(self.document))
            self.grade_label.setToolTip(grade_tip(self.document))
            self._update_actions()
            self._show_expiry()

    def _show_expiry(self) -> None:
        """Days left in the status bar; once per opened project inside the warning period, a notification."""
        # The policy's verdict, not tlsgui.acme.status: that module reads the ACME state and the timers (with
        # urllib, email and filelock: some 8 MiB), which the status bar does not need.
        from tlsgui.policy.certificates import expiry_status

        facts = self.document.facts
        cert = facts.cert
        words, level = expiry_status(cert.not_before if cert else None, cert.not_after if cert else None, facts.now)
        from tlsgui.widgets import colours

        mark = {"error": "✘ ", "warning": "⚠ "}.get(level, "")  # never by colour alone
        self.expiry_label.setText(mark + words if words else words)
        self.expiry_label.setStyleSheet(colours.css(level) if level in ("error", "warning") else "")
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
            from html import escape  # here and below, not at start-up: most projects open without a banner

            self.ui.banner.show_message(
                "error", f"<b>Read-only:</b> {escape(str(doc.project.error))}<br>Nothing can be saved, and the "
                         "file is never overwritten. Fix the file in an editor (or restore a backup on the "
                         "Certificates page), then reload.", "Reload",
                extra=(("show_folder", "Show in Folder"), ("open_editor", "Open in Editor")))
        elif doc.changed_files:
            from html import escape

            names = escape(", ".join(Path(p).name for p in doc.changed_files))
            self.ui.banner.show_message(
                "warning", f"<b>Changed on disk:</b> {names} was changed by another program since it was "
                           "opened. Reload to see those changes (unsaved edits here are dropped).", "Reload")
        elif doc.project.notices:
            self.ui.banner.show_message("info", "<br>".join(doc.project.notices))
        else:
            self.ui.banner.clear()

    def _banner_extra(self, name: str) -> None:
        path = broken_settings_file(self.document)
        if path is None:
            return
        target = str(path.parent if name == "show_folder" else path)
        if not self.prompts.open_location(self, target):
            self.prompts.error(self, "Cannot open it", f"No application could open {target}. Open it yourself; "
                                                       "the path can be copied from the banner.")

    # --- what the command line can do, from the window -----------------------------------------
    def restore_backup(self, backup_id: str) -> bool:
        """Show what restoring `backup_id` changes, ask, then restore (the current files are backed up first)."""
        if self.document is None:
            return False
        from tlsgui.project.backups import list_backups, restore_backup
        from tlsgui.project.restore_plan import restore_changes

        paths = self.document.project.paths
        also = [Path(self.document.facts.tls_folder)]  # as `tlsgui backups`: a certificate folder outside too
        backup = next((b for b in list_backups(paths, also) if b.id == backup_id), None)
        if backup is None:
            self.prompts.error(self, "Not restored", f"The backup {backup_id} no longer exists; nothing was changed.")
            return False
        changes = restore_changes(backup)
        words = {"replace": "replaced by the backed-up copy", "same": "unchanged (the same as the backup)",
                 "create": "written again (there is no such file now)"}
        lines = "\n".join(f"• {change.path.name} — {words[change.state]}\n   {change.path.parent}"
                          for change in changes)
        if all(change.state == "same" for change in changes):
            self.prompts.info(self, "Nothing to restore", f"The files of the backup of {backup.created} are the "
                                                          f"same as the files now:\n{lines}")
            return False
        text = (f"Restore the backup of {backup.created} ({backup.reason})?\n\n{lines}\n\n"
                "The current files are backed up first, so this restore appears in the backups list and can be "
                "undone the same way.")
        if self.document.dirty:
            text += "\n\nThe unsaved changes in the window are dropped."
        if not self.prompts.confirm(self, "Restore backup", text):
            return False
        try:
            restore_backup(paths, backup_id, also)
        except TlsguiError as exc:
            self.prompts.error(self, "Not restored", str(exc))
            return False
        self._reload_now()
        self.statusBar().showMessage(f"Restored the backup of {backup.created}.", 10000)
        return True

    def show_certificate(self, cert) -> None:
        """The details dialog of one certificate (a tlsgui.model.cert_details.CertDetails)."""
        from tlsgui.windows.certificate_dialog import CertificateDetailsDialog

        self.certificate_dialog = CertificateDetailsDialog(cert, self.prompts, self)
        self.certificate_dialog.open()

    def export_for_clients(self) -> str | None:
        """`tlsgui export` from the window: cert.pem and key.pem into a folder, for 4D remote clients."""
        if self.document is None:
            return None
        folder = self.prompts.choose_folder(self, str(self.document.root.parent))
        if not folder:
            return None
        from tlsgui.project.install import export_files

        there = [name for name in ("cert.pem", "key.pem") if (Path(folder) / name).exists()]
        force = False
        if there:
            if not self.prompts.confirm(self, "Replace files?", f"{folder} already holds {' and '.join(there)}. "
                                        "Replace them with this project's?"):
                return None
            force = True
        try:
            written = export_files(self.document.project, Path(folder), force=force)
        except TlsguiError as exc:
            self.prompts.error(self, "Not exported", str(exc))
            return None
        self.prompts.info(self, "Exported", "Written: " + ", ".join(str(p) for p in written) +
                          "\n\nkey.pem is the server's private key: hand it only to machines you trust.")
        return folder

    def probe_server(self) -> None:
        """`tlsgui probe HOST:PORT` from the window: the Test TLS checklist for a running server."""
        from tlsgui.windows.probe_dialog import ask_address

        address = ask_address(self)
        if address:
            self.probe(address)

    def probe(self, address: str) -> None:
        from tlsgui.windows.check_dialog import TlsTestDialog

        if self.test_dialog is None:
            self.test_dialog = TlsTestDialog(self)
            self.test_dialog.remedy_chosen.connect(self.apply_remedy)
        self.test_dialog.show()
        self.test_dialog.run_probe(address, self.document.settings.web_host_names if self.document else "")

    # --- help -------------------------------------------------------------------------------------
    def show_page_help(self) -> None:
        """F1: 4D's own documentation page for the settings on the current page."""
        info = next((p for p in PAGES if p.name == self.current_page_name()), PAGES[0])
        self.prompts.open_location(self, info.doc_url)

    def show_documentation(self) -> None:
        from tlsgui.windows.about import documentation_location

        location = documentation_location()
        if not location or not self.prompts.open_location(self, location):
            self.prompts.info(self, "Documentation", "The documentation (docs/gui.md and the pages beside it) is "
                              "not installed with this build; it is in the docs/ folder of tlsgui's source.")

    def show_about(self) -> None:
        from tlsgui.windows.about import about_text

        self.prompts.about(self, "About tlsgui", about_text())

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

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._painted and self.document is not None:
            # Status colours are computed from the palette when a text is shown: show them again (a desktop
            # switching to its dark theme while tlsgui is open), and the icons come from the other set.
            self._set_icons()
            for page in self.pages.values():
                page.load()
            self._show_banner()
            self._show_problems()  # their severity icons

    def _set_icons(self) -> None:
        """Window, page list and toolbar icons from the set that suits the palette (light or dark ink)."""
        self.setWindowIcon(icon("app"))
        QApplication.setWindowIcon(icon("app"))  # message boxes and the task bar use it too
        for row, page in enumerate(PAGES):
            self.ui.page_list.item(row).setIcon(icon(page.icon_name))
        for act, name in self._icon_actions:
            act.setIcon(icon(name))

    def _after_first_paint(self) -> None:
        if self._painted:
            return
        self._painted = True
        self.first_painted.emit()
        self._set_shortcuts()
        for page in self.pages.values():
            self._tab_order(page)
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
            self.test_dialog.remedy_chosen.connect(self.apply_remedy)
        if self.test_dialog.isVisible():
            self.test_dialog.raise_()  # already open, maybe behind the main window
        else:
            self.test_dialog.show()
        if not self.test_dialog.running:
            self.test_dialog.run(self.document)

    def apply_remedy(self, remedy: str) -> None:
        """A remedy button (tlsgui.widgets.remedies): show that setting's field, or open that wizard path."""
        if remedy.startswith("setting:"):
            self.activateWindow()
            self.jump_to(remedy.split(":", 1)[1])
        else:
            self.open_wizard(remedy)

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
            self.resize(initial_size(self.screen().availableGeometry()))
        else:
            # A geometry saved on a bigger screen: never taller or wider than this one's free area.
            free = self.screen().availableGeometry()
            if self.width() > free.width() or self.height() > free.height():
                self.resize(initial_size(free))
        # A narrow window gives the page list less: at 800 px the pages keep ~620 px and need no sideways scroll.
        sidebar = max(150, min(190, self.width() // 5))
        self.ui.main_splitter.setSizes([sidebar, max(1, self.width() - sidebar)])
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
