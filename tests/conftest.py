"""Shared fixtures: real 4D project folders on disk and a way to run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tlsgui.project.demo import write_demo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path, monkeypatch):
    """Every test gets its own empty user data folder (platformdirs reads XDG_DATA_HOME), so a development
    CA on the machine running the tests never changes what `selfsigned` or the wizard make."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def demo(tmp_path) -> Path:
    """A fresh copy of the demo project (settings in 4D's shape, no certificates)."""
    return write_demo(tmp_path / "DemoShop")


@pytest.fixture
def pebble(tmp_path):
    """A running Pebble ACME CA (with its fake DNS) for one test, always stopped (tests/acme_pebble/pebble_env.py)."""
    from acme_pebble.pebble_env import Pebble

    server = Pebble(tmp_path / "pebble").start()
    try:
        yield server
    finally:
        server.stop()


def make_project(root: Path, settings_xml: str | None, name: str = "App") -> Path:
    """A minimal 4D project folder; `settings_xml` None means no settings file at all."""
    (root / "Project" / "Sources").mkdir(parents=True)
    (root / "Project" / f"{name}.4DProject").write_text("{}\n")
    if settings_xml is not None:
        (root / "Project" / "Sources" / "settings.4DSettings").write_text(settings_xml, encoding="utf-8")
    return root


@pytest.fixture
def project_factory(tmp_path):
    counter = iter(range(1000))

    def factory(settings_xml: str | None = None, name: str = "App") -> Path:
        return make_project(tmp_path / f"p{next(counter)}", settings_xml, name)

    return factory


def run_cli(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """Run `python -m tlsgui ARGS` as a user would, capturing text output."""
    return subprocess.run(
        [sys.executable, "-m", "tlsgui", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, **kwargs,
    )


def wait_for(predicate, timeout: float = 60.0, what: str = "the condition") -> None:
    """A bounded poll for something no event announces (a child's CPU time, a socket count): the limit
    is generous, so only a real failure, never a slow machine, reaches it."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.02)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a live process has used (Linux /proc), 0.0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_of(pid: int) -> list[int]:
    """The direct children of a live process, started by any of its threads (Linux /proc)."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except FileNotFoundError:  # the process (or one thread) ended while we looked
        pass
    return found


def process_gone(pid: int) -> bool:
    """True once a process has ended; a zombie counts as ended (its parent left, init reaps it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


def end_process(process: subprocess.Popen) -> None:
    """Kill a child a test started if it still runs, and reap it (for finally blocks and fixtures)."""
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under `root` and its bytes, to prove that nothing on disk changed."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

try:
    from hypothesis import HealthCheck
    from hypothesis import settings as hypothesis_settings

    # `make test` runs a quick pass and keeps no example database (a test writes only under tmp_path);
    # `make fuzz` sets HYPOTHESIS_PROFILE=long, which keeps failing examples in .hypothesis/ to replay them.
    hypothesis_settings.register_profile(
        "default", max_examples=60, deadline=None, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture])
    hypothesis_settings.register_profile(
        "long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
except ImportError:  # hypothesis is a test extra; the suite installs it
    pass
