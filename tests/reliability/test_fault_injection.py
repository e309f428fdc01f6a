"""Saves interrupted at every step leave the old file intact and readable, and a later save succeeds."""

from __future__ import annotations

import errno
import os

import pytest

from tlsgui.errors import TlsguiError
from tlsgui.project import atomic, transaction
from tlsgui.project.store import load_project, save_project

STRUCTURE = "Project/Sources/settings.4DSettings"


def _fail(err):
    def raiser(*args, **kwargs):
        raise OSError(err, os.strerror(err))
    return raiser


def _leftovers(demo):
    """Temporary files anywhere in the project (next to the settings, or in tlsgui's own tmp folder)."""
    return [p for p in demo.rglob("*") if p.name.endswith((".tmp", ".tlsgui-tmp"))
            or (p.parent.name == "tmp" and p.parent.parent.name == ".tlsgui")]


@pytest.mark.parametrize("step, err, words", [
    ("replace", errno.EIO, "Could not write the file"),  # a rename fails
    ("fsync", errno.ENOSPC, "The disk is full"),  # while the data is flushed
    ("fchmod", errno.EACCES, "Permission denied"),  # a new file cannot be made private
])
def test_interrupted_save_keeps_the_old_file(demo, monkeypatch, step, err, words):
    original = (demo / STRUCTURE).read_bytes()
    project = load_project(demo)
    with monkeypatch.context() as patch:
        patch.setattr(transaction.os, step, _fail(err))
        with pytest.raises(TlsguiError, match=words):
            save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert (demo / STRUCTURE).read_bytes() == original
    assert _leftovers(demo) == []
    assert not (demo / ".tlsgui" / "journal.json").exists()
    assert not [p for p in (demo / ".tlsgui" / "backups").glob("*")] if (demo / ".tlsgui" / "backups").exists() \
        else True  # no backup of a save that did not happen
    assert load_project(demo).settings.web_http_port == 8080  # still readable
    save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert load_project(demo).settings.web_http_port == 81


class _HalfWritingOs:
    """The `os` module as the transaction sees it, except that `write` writes half and then fails."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def write(fd, data):
        os.write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")


def test_failing_write_of_a_new_file(demo, monkeypatch):
    original = (demo / STRUCTURE).read_bytes()
    project = load_project(demo)
    monkeypatch.setattr(transaction, "os", _HalfWritingOs())
    with pytest.raises(TlsguiError, match="disk is full"):
        save_project(project, project.settings.replace(**{"web.http_port": 81}))
    monkeypatch.undo()
    assert (demo / STRUCTURE).read_bytes() == original
    assert _leftovers(demo) == []


def test_key_files_are_never_readable_by_others(tmp_path):
    target = tmp_path / "key.pem"
    atomic.write_atomic(target, b"secret", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600
    atomic.write_atomic(target, b"secret 2")  # a rewrite keeps the mode
    assert target.stat().st_mode & 0o777 == 0o600
