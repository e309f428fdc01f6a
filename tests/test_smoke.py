"""The first things a new user runs work: version, demo, check."""

from conftest import run_cli

from tlsgui import __version__


def test_version():
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"tlsgui {__version__}"


def test_demo_then_check(tmp_path):
    target = tmp_path / "Shop"
    assert run_cli("demo", target).returncode == 0
    assert (target / "Project" / "Sources" / "settings.4DSettings").is_file()
    done = run_cli("check", target)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No problems found." in done.stdout
