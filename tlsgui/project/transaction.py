"""Writes of several files as one transaction under a project lock; a journal in .tlsgui/ that the next tlsgui completes."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Sequence

from tlsgui.errors import TlsguiError
from tlsgui.project.atomic import _fsync_dir, _words, check_writable, private_dir
from tlsgui.project.locate import ProjectPaths

# How it holds (docs/reliability.md): every file is first written in full (fsynced) under a staging name,
# the journal then says "commit" (one atomic rename: the commit point), and only then are the staged files
# renamed over their targets. A kill before the commit point leaves the old set (the next tlsgui deletes
# the staged files); a kill after it leaves a journal the next tlsgui rolls forward (renames what is left).
JOURNAL = "journal.json"
LOCK = "lock"
TMP = "tmp"
STAGED_SUFFIX = ".tlsgui-tmp"  # a file staged next to its target (another file system); in the ignore rules
LOCK_TIMEOUT = 30.0
MAX_JOURNAL = 1024 * 1024
MAX_OLD = 8 * 1024 * 1024  # the largest file tlsgui writes (a settings file) is far smaller


class _Held:
    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.file_lock: Any = None  # a filelock.FileLock while held
        self.notices: list[str] = []  # what the recovery on taking the lock did, in words


_locks: dict[Path, _Held] = {}
_locks_guard = threading.Lock()


def _busy(paths: ProjectPaths) -> TlsguiError:
    return TlsguiError("Another tlsgui (window or command) is changing this project right now; nothing was "
                       "written.", where=str(paths.root), fix="Wait until it has finished and try again.")


@contextlib.contextmanager
def project_lock(paths: ProjectPaths, timeout: float = LOCK_TIMEOUT):
    """Hold the project's lock (`.tlsgui/lock`): one writer at a time, across processes and threads.

    Re-entrant in one thread. Taking it first completes whatever a killed tlsgui left half done (recover).
    """
    from filelock import FileLock, Timeout

    root = Path(paths.root)
    with _locks_guard:
        held = _locks.setdefault(root, _Held())
    if not held.thread_lock.acquire(timeout=timeout):
        raise _busy(paths)
    try:
        if held.depth == 0:
            if not paths.state_dir.exists():
                check_writable(paths.state_dir / LOCK)  # a read-only project: the usual words
            state = private_dir(paths.state_dir, inside=paths.root)
            lock = FileLock(str(state / LOCK), timeout=timeout, mode=0o600)
            try:
                lock.acquire()
            except Timeout:
                raise _busy(paths) from None
            except OSError as exc:
                raise _words(exc, state / LOCK) from None
            held.file_lock = lock
            try:
                held.notices = recover_locked(paths)
            except BaseException as exc:
                lock.release()
                held.file_lock = None
                if isinstance(exc, OSError):
                    raise TlsguiError(f"An interrupted change could not be completed ({exc.strerror or exc}); "
                                      "nothing was written.", where=str(paths.state_dir / JOURNAL),
                                      fix="Make the project's files and folders writable and try again.") from None
                raise
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
            if held.depth == 0 and held.file_lock is not None:
                held.file_lock.release()
                held.file_lock = None
    finally:
        held.thread_lock.release()


def needs_recovery(paths: ProjectPaths) -> bool:
    """A journal or staged files are there: a tlsgui was killed while writing (cheap: two lstat calls)."""
    state = paths.state_dir
    if os.path.lexists(state / JOURNAL):
        return True
    tmp = state / TMP
    try:
        return tmp.is_dir() and not tmp.is_symlink() and any(os.scandir(tmp))
    except OSError:
        return False


def recover(paths: ProjectPaths) -> list[str]:
    """Complete or undo what a killed tlsgui left (at the start of every command); notices for a person."""
    if not needs_recovery(paths):
        return []
    try:
        with project_lock(paths, timeout=2.0):
            with _locks_guard:
                held = _locks[Path(paths.root)]
            notices, held.notices = held.notices, []
            return notices
    except TlsguiError as exc:
        return [f"An interrupted change could not be completed yet: {exc}"]


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ") + f"-{os.getpid()}"


def _rel(root: Path, path: Path) -> str:
    """Relative (POSIX) when inside the project, so a copied or moved project replays into itself."""
    try:
        return PurePosixPath(Path(path).relative_to(root)).as_posix()
    except ValueError:
        return str(path)


def _inside(root: Path, text: str) -> Path | None:
    """`text` (relative, no `..`) under `root`, its folder resolving inside the project; None otherwise."""
    rel = PurePosixPath(text)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        return None
    path = root.joinpath(*rel.parts)
    try:
        path.parent.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    return path


def _entry_paths(paths: ProjectPaths, journal_id: str, entry: dict) -> tuple[Path, Path] | None:
    """The (target, staged) pair of a journal entry, or None when the entry is not one tlsgui could have
    written (a planted journal must not move files around: D3's lesson for the journal)."""
    root = Path(paths.root)
    target_text, staged_text = entry.get("target"), entry.get("staged")
    if not isinstance(target_text, str) or not isinstance(staged_text, str):
        return None
    staged_rel = PurePosixPath(staged_text)
    if not staged_rel.is_absolute():
        if staged_rel.parts[:2] != (".tlsgui", TMP) or len(staged_rel.parts) != 3 or ".." in staged_rel.parts:
            return None
        staged = root.joinpath(*staged_rel.parts)
        target = _inside(root, target_text)  # a file staged in the project goes to a file in the project
        if target is None:
            return None
        return target, staged
    target = Path(target_text)
    staged = Path(staged_text)
    if not target.is_absolute() or staged.parent != target.parent or \
            staged.name != f".{target.name}.{journal_id}{STAGED_SUFFIX}":
        return None
    return target, staged


def recover_locked(paths: ProjectPaths) -> list[str]:
    """Under the lock: roll a committed journal forward, a prepared one back, and empty .tlsgui/tmp."""
    notices: list[str] = []
    state = paths.state_dir
    journal_path = state / JOURNAL
    if os.path.lexists(journal_path):
        from tlsgui.safe_read import read_regular

        try:
            journal = json.loads(read_regular(journal_path, MAX_JOURNAL, "journal"))
            journal_id = str(journal["id"])
            committed = journal["state"] == "commit"
            pairs = [_entry_paths(paths, journal_id, e) for e in journal["entries"]]
        except (OSError, TlsguiError, ValueError, KeyError, TypeError, AttributeError):
            aside = state / f"journal.damaged-{_stamp()}"
            os.replace(journal_path, aside)
            notices.append(f"A damaged tlsgui journal was set aside as {aside}; no file was changed.")
            pairs, committed = [], False
        else:
            folders = set()
            for pair in pairs:
                if pair is None:
                    continue
                target, staged = pair
                try:
                    info = os.lstat(staged)
                except FileNotFoundError:
                    continue  # already renamed (committed) or never written (prepared)
                if not stat.S_ISREG(info.st_mode):
                    continue
                if committed:
                    os.replace(staged, target)
                    folders.add(target.parent)
                else:
                    staged.unlink()
            for folder in folders:
                _fsync_dir(folder)
            journal_path.unlink()
            _fsync_dir(state)
            if committed:
                notices.append("Completed a change that an interrupted tlsgui had started (all its files "
                                     "are now the new ones).")
            elif any(pairs):
                notices.append("Undid a change that an interrupted tlsgui had started (all its files are "
                                     "still the previous ones).")
    tmp = state / TMP
    if tmp.is_dir() and not tmp.is_symlink():
        for item in os.scandir(tmp):
            # Only tlsgui writes here, and only under this lock: what is left is from a killed process.
            if item.is_dir(follow_symlinks=False):
                shutil.rmtree(item.path, ignore_errors=True)
            else:
                os.unlink(item.path)
    return notices


@dataclass
class _Entry:
    target: Path
    data: bytes
    mode: int


def _old_state(path: Path):
    """What is at `path` now, to put it back if a later rename fails in this process (D12: a symlink stays one)."""
    from tlsgui.safe_read import read_regular

    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ("absent",)
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if not stat.S_ISREG(info.st_mode):
        raise TlsguiError("This is not a regular file (a device, pipe or folder); tlsgui does not replace it; "
                          "nothing was written.", where=str(path), fix="Move it away and try again.")
    return ("file", read_regular(path, MAX_OLD), stat.S_IMODE(info.st_mode))


def _write_new(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        os.fchmod(fd, mode)  # the mode before any byte: a private key is never readable by others
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _put_back(path: Path, old, scratch: Path) -> None:
    if old[0] == "absent":
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink(scratch)
    if old[0] == "link":
        os.symlink(old[1], scratch)
    else:
        _write_new(scratch, old[1], old[2])
    os.replace(scratch, path)


class Transaction:
    """Files written together: `add` each one, then `commit()` writes all of them or none.

    Public API (also used by the acme and gui work): `Transaction(paths).add(target, data, mode)` then
    `.commit()`; TlsguiError with words, and nothing changed, when it cannot be done.
    """

    def __init__(self, paths: ProjectPaths) -> None:
        self.paths = paths
        self.entries: list[_Entry] = []

    def add(self, target: Path, data: bytes, mode: int | None = None) -> "Transaction":
        """Write `data` to `target` at commit; `mode` defaults to the current file's (or 0644); keys pass 0600."""
        target = Path(target)
        if mode is None:
            try:
                mode = stat.S_IMODE(os.stat(target).st_mode)
            except OSError:
                mode = 0o644
        self.entries = [e for e in self.entries if e.target != target]
        self.entries.append(_Entry(target, bytes(data), mode))
        return self

    @property
    def targets(self) -> list[Path]:
        return [e.target for e in self.entries]

    def commit(self) -> None:
        if not self.entries:
            return
        for entry in self.entries:
            check_writable(entry.target)
        with project_lock(self.paths):
            self._commit_locked()

    def _commit_locked(self) -> None:
        root = Path(self.paths.root)
        state = self.paths.state_dir
        tmp = private_dir(state / TMP, inside=root)
        txn_id = _stamp()
        tmp_dev = os.stat(tmp).st_dev
        staged: list[Path] = []
        for index, entry in enumerate(self.entries):
            try:
                entry.target.parent.mkdir(parents=True, exist_ok=True)
                # Staged in .tlsgui/tmp only for files inside the project: a journal from a zip must never
                # be able to move a file it brought to a path outside (see _entry_paths).
                same = _rel(root, entry.target) != str(entry.target) and \
                    os.stat(entry.target.parent).st_dev == tmp_dev
            except OSError as exc:
                raise _words(exc, entry.target) from None
            staged.append(tmp / f"{txn_id}-{index:02d}" if same else
                          entry.target.parent / f".{entry.target.name}.{txn_id}{STAGED_SUFFIX}")
        olds = [_old_state(e.target) for e in self.entries]
        journal = {"format": 1, "id": txn_id, "state": "prepare",
                   "entries": [{"target": _rel(root, e.target), "staged": _rel(root, s)}
                               for e, s in zip(self.entries, staged, strict=True)]}
        journal_path = state / JOURNAL
        try:
            self._write_journal(journal, tmp, txn_id)
            for entry, path in zip(self.entries, staged, strict=True):
                _write_new(path, entry.data, entry.mode)
            for folder in {p.parent for p in staged}:
                _fsync_dir(folder)
            journal["state"] = "commit"
            self._write_journal(journal, tmp, txn_id)  # the commit point
        except BaseException as exc:
            for path in staged:
                with contextlib.suppress(OSError):
                    path.unlink()
            with contextlib.suppress(OSError):
                journal_path.unlink()
            if isinstance(exc, OSError):
                raise _words(exc, self.entries[0].target) from None
            raise
        done: list[int] = []
        try:
            for index, (entry, path) in enumerate(zip(self.entries, staged, strict=True)):
                os.replace(path, entry.target)
                done.append(index)
        except BaseException as exc:
            # Not a kill (that is rolled forward by the next tlsgui): put back what was replaced, so this
            # process can honestly say that nothing changed.
            for index in reversed(done):
                _put_back(self.entries[index].target, olds[index], staged[index])
            for path in staged:
                with contextlib.suppress(OSError):
                    path.unlink()
            with contextlib.suppress(OSError):
                journal_path.unlink()
            if isinstance(exc, OSError):
                raise _words(exc, self.entries[len(done)].target) from None
            raise
        for folder in {e.target.parent for e in self.entries}:
            _fsync_dir(folder)
        journal_path.unlink()
        _fsync_dir(state)

    def _write_journal(self, journal: dict, tmp: Path, txn_id: str) -> None:
        scratch = tmp / f"{txn_id}-journal"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(scratch)
        try:
            _write_new(scratch, (json.dumps(journal, indent=1) + "\n").encode("utf-8"), 0o600)
            os.replace(scratch, self.paths.state_dir / JOURNAL)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(scratch)
            raise
        _fsync_dir(self.paths.state_dir)


def write_files(paths: ProjectPaths, files: Sequence[tuple[Path, bytes, int | None]]) -> None:
    """Write `(target, data, mode)` files as one transaction (see Transaction)."""
    txn = Transaction(paths)
    for target, data, mode in files:
        txn.add(target, data, mode)
    txn.commit()
