"""ProjectDocument: the open project, its current settings, one undo stack, problems and file facts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from tlsgui.commands import ApplyProfile, SetSetting, SetSettings
from tlsgui.errors import TlsguiError
from tlsgui.model.facts import FileFacts
from tlsgui.model.options import BY_KEY, OPTIONS
from tlsgui.model.settings import Settings, Sourced
from tlsgui.policy.files import CERT_FILE, DH_FILE, KEY_FILE, PRIVATE_KEY_MODE
from tlsgui.project.store import Project, SaveResult, load_project, save_project


def presence_facts(project: Project, settings: Settings) -> FileFacts:
    """Which TLS files exist and which 4D runs the project, without reading any file.

    Opening a project never loads `cryptography`, and the startup methods are looked at with the certificate
    files (refresh_facts, after the window's first paint): until then `startup` is () ("not looked at").
    """
    from tlsgui.project.version import effective_version

    folder = project.paths.tls_folder(settings.web_certificate_folder)
    return FileFacts(
        tls_folder=str(folder),
        key_present=(folder / KEY_FILE).is_file(),
        cert_present=(folder / CERT_FILE).is_file(),
        dhparams_present=(folder / DH_FILE).is_file(),
        release=effective_version(project.version_hint, settings.project_4d_version).release,
    )


class ProjectDocument(QObject):
    """The single source of truth the window shows; widgets push commands, never set values themselves."""

    setting_changed = Signal(str)  # a setting key whose value changed
    dirty_changed = Signal(bool)
    problems_changed = Signal()
    facts_changed = Signal()
    disk_changed = Signal(list)  # paths changed on disk by another program since the load
    reloaded = Signal()  # the whole project was read again from disk

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.project = project
        self.settings: Settings = project.settings
        self.input_errors: dict[str, TlsguiError] = {}
        self.facts: FileFacts = presence_facts(project, project.settings)
        self.facts_complete = False  # True once the certificate files themselves were read
        self._checked = None  # (problems, grade), computed when first asked for after a change
        self._dirty = False
        self._reported_disk: list[str] = []
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule_disk_check)
        self._watcher.directoryChanged.connect(self._schedule_disk_check)
        self._disk_timer = QTimer(self, singleShot=True, interval=150)
        self._disk_timer.timeout.connect(self.check_disk)
        # Typing a certificate folder re-reads the files once typing pauses, not on every key.
        self._facts_timer = QTimer(self, singleShot=True, interval=300)
        self._facts_timer.timeout.connect(self.refresh_facts)
        self._watch()
        self._revalidate()

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> "ProjectDocument":
        """Load the project at `path`; raises TlsguiError (ProjectNotFound, ...) with words for a person."""
        return cls(load_project(path), parent)

    # --- reading -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.project.paths.name

    @property
    def root(self) -> Path:
        return self.project.paths.root

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def problems(self) -> list:
        """Every problem (policy Finding) of the current settings and files (typed-in errors first)."""
        return self._check()[0]

    @property
    def grade(self):
        """The predicted SSL Labs grade (tlsgui.policy.grade.Grade); None while the settings cannot be read."""
        return self._check()[1]

    @property
    def changed_files(self) -> list[str]:
        """Files another program changed since the load (as last checked)."""
        return list(self._reported_disk)

    def source_of(self, key: str) -> Sourced:
        return self.project.sources[key]

    @property
    def version(self):
        """Which 4D runs the project (tlsgui.project.version.ProjectVersion), with unsaved edits."""
        from tlsgui.project.version import effective_version

        return effective_version(self.project.version_hint, self.settings.project_4d_version)

    def is_edited(self, key: str) -> bool:
        return self.settings.get(key) != self.project.settings.get(key)

    # --- editing -------------------------------------------------------------------------------
    def push_setting(self, key: str, value: Any, *, typing: bool = False) -> None:
        """Record an edit as an undoable command (nothing happens when the value is unchanged)."""
        self.set_input_error(key, None)
        if self.settings.get(key) != value:
            self.undo_stack.push(SetSetting(self, key, value, typing=typing))

    def apply_profile(self, profile) -> None:
        """Set a tlsgui.model.profiles.Profile's minimum version and cipher list as one undo step."""
        if profile.min_version is None:  # Custom: keeps the values as they are
            return
        if (self.settings.tls_min_version, self.settings.tls_cipher_list) != (profile.min_version,
                                                                              profile.cipher_list):
            self.undo_stack.push(ApplyProfile(self, profile))

    def set_input_error(self, key: str, error: TlsguiError | None) -> None:
        """Text in a field that is not a valid value: shown as a problem, blocks saving, keeps the old value."""
        if error is None and key not in self.input_errors:
            return
        if error is None:
            del self.input_errors[key]
        else:
            self.input_errors[key] = error
        self._revalidate()
        self._update_dirty()

    def apply_values(self, values: dict[str, Any]) -> None:
        """Used by the undo commands only: replace values and tell everyone which keys changed."""
        old = self.settings
        if "project.4d_version" in values and "tls.min_version" not in values:
            values = {**values, **self._follow_release_default(values["project.4d_version"])}
        self.settings = self.settings.replace(**values)
        changed = self.settings.changed_keys(old)
        for key in values:
            self.input_errors.pop(key, None)
        if "web.certificate_folder" in changed:
            self.facts = presence_facts(self.project, self.settings)
            self.facts_complete = False
            self._facts_timer.start()
        elif "project.4d_version" in changed:
            from dataclasses import replace

            self.facts = replace(self.facts, release=self.version.release)
        for key in changed:
            self.setting_changed.emit(key)
        self._revalidate()
        self._update_dirty()

    def _follow_release_default(self, chosen: str) -> dict[str, Any]:
        """A minimum TLS version no file sets follows 4D's default of the newly chosen release (1.3 from 20).

        Deterministic in the release, so undoing the choice of release puts the old default back as well.
        """
        from tlsgui.model.settings import Source
        from tlsgui.policy.versions import default_min_tls
        from tlsgui.project.version import effective_version

        if self.source_of("tls.min_version").source is not Source.DEFAULT:
            return {}
        before = default_min_tls(self.version.effective)
        after = default_min_tls(effective_version(self.project.version_hint, chosen).effective)
        return {"tls.min_version": after} if self.settings.tls_min_version == before else {}

    # --- saving, reverting, reloading ----------------------------------------------------------
    def save(self) -> SaveResult:
        """Write the edits. Raises TlsguiError (read-only project, invalid field, conflict, permissions)."""
        if self.input_errors:
            key, error = next(iter(self.input_errors.items()))
            raise TlsguiError(f"{BY_KEY[key].label}: {error.message}", where=key,
                              fix=(error.fix + " " if error.fix else "") + "Nothing was saved.")
        result = save_project(self.project, self.settings)
        self.undo_stack.setClean()
        self._watch()
        for opt in OPTIONS:
            self.setting_changed.emit(opt.key)  # where saved values are stored may have changed
        self._revalidate()
        self._update_dirty()
        self.check_disk()
        return result

    def revert(self) -> None:
        """Put back the values loaded from disk, as one undoable step (typed-in errors are dropped)."""
        typed = list(self.input_errors)
        self.input_errors.clear()
        changes = {key: self.project.settings.get(key) for key in self.settings.changed_keys(self.project.settings)}
        if changes:
            self.undo_stack.push(SetSettings(self, changes, "Revert unsaved changes"))
        for key in typed:
            self.setting_changed.emit(key)  # the field still shows the text that was not a valid value
        self._revalidate()
        self._update_dirty()

    def reload(self) -> None:
        """Read the project again from disk, dropping unsaved edits (after another program changed it)."""
        self.project = load_project(self.project.paths.root)
        self.input_errors.clear()
        self.undo_stack.clear()
        self._reported_disk = []
        self.facts = presence_facts(self.project, self.project.settings)
        self.facts_complete = False
        self._watch()
        self._replace_settings(self.project.settings)
        self.reloaded.emit()
        self.refresh_facts()

    def refresh_facts(self) -> None:
        """Read key.pem, cert.pem and dhparams.pem (imports `cryptography`: call it after the window shows)."""
        from tlsgui.project.facts import gather_facts

        self.facts = gather_facts(_ProjectView(self.project, self.settings))
        self.facts_complete = True
        self.facts_changed.emit()
        self._revalidate()

    def protect_key(self) -> None:
        """Make key.pem readable by its owner only (the mode tlsgui writes it with), then read the files again.

        Raises TlsguiError when the mode cannot be changed (another user's file, a read-only file system).
        """
        if self.read_only:
            raise TlsguiError("The project is open read-only: nothing is changed.", fix="Fix the settings file "
                              "and reload first.")
        key = Path(self.facts.tls_folder) / KEY_FILE
        try:
            os.chmod(key, PRIVATE_KEY_MODE)  # through a symlink too: the key it names is what 4D reads
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise TlsguiError(f"{key}: its mode cannot be changed ({reason}).",
                              fix=f"Change it as the file's owner: chmod {PRIVATE_KEY_MODE:o} {key}.") from None
        self.refresh_facts()

    def wire_startup(self) -> list[str]:
        """Insert the TLS_ApplySettings call into On Startup / On Server Startup (backup first); the files written.

        Raises TlsguiError (a read-only or unreadable method: nothing is written).
        """
        from dataclasses import replace

        from tlsgui.project.method_file import render_method
        from tlsgui.project.startup import version_facts, wire_startup

        saved = self.project.settings
        method = render_method(saved, self.project.version.effective).encode("utf-8")
        written, _backup = wire_startup(self.project.paths, method)
        self.facts = replace(self.facts, **version_facts(self.project, self.settings))
        self._revalidate()
        return [str(p) for p in written]

    def check_disk(self) -> list[str]:
        """Files changed by another program since the load; `disk_changed` fires when that list changes."""
        changed = [str(p) for p in self.project.changed_on_disk()]
        if changed != self._reported_disk:
            self._reported_disk = changed
            self.disk_changed.emit(changed)
        self._watch()
        return changed

    # --- internals -----------------------------------------------------------------------------
    def _replace_settings(self, settings: Settings) -> None:
        self.settings = settings
        for opt in OPTIONS:
            self.setting_changed.emit(opt.key)  # sources may differ too, so every field refreshes
        self._revalidate()
        self._update_dirty()

    def _revalidate(self) -> None:
        self._checked = None
        self.problems_changed.emit()

    def _check(self):
        if self._checked is None:
            # Imported on first use: the rules load `ssl`, which start-up does not need before the first paint.
            from tlsgui.policy.findings import Finding, Severity, by_severity
            from tlsgui.policy.grade import predict_grade
            from tlsgui.policy.rules import findings

            if self.project.error is not None:
                # The settings could not be read: problems computed from 4D's defaults would be about values
                # nobody set. The one problem is the file itself.
                error = self.project.error
                self._checked = ([Finding(Severity.ERROR, "files.settings", f"{error.where}: {error.message}"
                                          if error.where else error.message, error.fix)], None)
                return self._checked
            typed = [Finding(Severity.ERROR, key, f"{BY_KEY[key].label}: {err.message}", err.fix)
                     for key, err in self.input_errors.items()]
            # Validation and the grade are two views of the same findings: the rules run once.
            found = findings(self.settings, self.facts)
            self._checked = (typed + by_severity(found), predict_grade(self.settings, self.facts, found))
        return self._checked

    def _update_dirty(self) -> None:
        dirty = bool(self.settings.changed_keys(self.project.settings)) or bool(self.input_errors)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _watch(self) -> None:
        # Atomic saves (ours and 4D's) replace files by rename, which drops a file watch; the folders
        # are watched too and the file watches are re-added after every check.
        wanted = {str(p) for p in self.project.fingerprints if p.exists()}
        wanted |= {str(p.parent) for p in self.project.fingerprints if p.parent.is_dir()}
        current = set(self._watcher.files()) | set(self._watcher.directories())
        missing = sorted(wanted - current)
        if missing:
            self._watcher.addPaths(missing)

    def _schedule_disk_check(self, _path: str) -> None:
        self._disk_timer.start()


class _ProjectView:
    """The project with the current (unsaved) settings, so facts follow an edited certificate folder."""

    def __init__(self, project: Project, settings: Settings) -> None:
        self.paths = project.paths
        self.settings = settings
        self.version_hint = project.version_hint
