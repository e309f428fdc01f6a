"""Saves interrupted at every step leave the old file intact and readable, and a later save succeeds."""

from __future__ import annotations

import errno
import os

import pytest

from tlsgui.errors import TlsguiError
from tlsgui.project import atomic
from tlsgui.project.store import load_project, save_project

STRUCTURE = "Project/Sources/settings.4DSettings"


def _fail(err):
    def raiser(*args, **kwargs):
        raise OSError(err, os.strerror(err))
    return raiser


@pytest.mark.parametrize("step, err, words", [
    ("replace", errno.EIO, "Could not write the file"),  # just before the rename
    ("fsync", errno.ENOSPC, "The disk is full"),  # while the data is flushed
    ("mkstemp", errno.EACCES, "Permission denied"),  # the temporary file cannot be made
])
def test_interrupted_save_keeps_the_old_file(demo, monkeypatch, step, err, words):
    original = (demo / STRUCTURE).read_bytes()
    project = load_project(demo)
    target = {"replace": (atomic.os, "replace"), "fsync": (atomic.os, "fsync"),
              "mkstemp": (atomic.tempfile, "mkstemp")}[step]
    with monkeypatch.context() as patch:
        patch.setattr(*target, _fail(err))
        with pytest.raises(TlsguiError, match=words):
            save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert (demo / STRUCTURE).read_bytes() == original
    leftovers = [p.name for p in (demo / "Project/Sources").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    assert load_project(demo).settings.web_http_port == 8080  # still readable
    save_project(project, project.settings.replace(**{"web.http_port": 81}))
    assert load_project(demo).settings.web_http_port == 81


def test_failing_file_object_during_write(demo, monkeypatch):
    original = (demo / STRUCTURE).read_bytes()
    project = load_project(demo)
    real_fdopen = atomic.os.fdopen

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    with pytest.raises(TlsguiError, match="disk is full"):
        save_project(project, project.settings.replace(**{"web.http_port": 81}))
    monkeypatch.undo()
    assert (demo / STRUCTURE).read_bytes() == original
    assert not [p for p in (demo / "Project/Sources").iterdir() if p.name.endswith(".tmp")]


def test_key_files_are_never_readable_by_others(tmp_path):
    target = tmp_path / "key.pem"
    atomic.write_atomic(target, b"secret", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600
    atomic.write_atomic(target, b"secret 2")  # a rewrite keeps the mode
    assert target.stat().st_mode & 0o777 == 0o600
