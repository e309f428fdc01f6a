"""The bad-input corpus (tests/data/bad/) through the wizard's importer pages: the same words as the CLI,
shown on the page or as a red check that blocks Finish, and nothing written.

Files the CLI gets with --key go through "Import an existing key and certificate" (the wizard's way of
naming a key file); password cases are answered through the password prompt, which the CLI cannot show."""

from __future__ import annotations

import pytest
from reliability.bad_corpus import importer_cases

from gui.conftest import tree_bytes

from .conftest import go_next, start_wizard

CASES = importer_cases()
PASSWORD_CASES = [c for c in CASES if "password" in c.message]
KEY_FILE_CASES = [c for c in CASES if c.args[:1] == ("--key",)]
PLAIN_CASES = [c for c in CASES if c not in PASSWORD_CASES and c not in KEY_FILE_CASES]


def words(message: str) -> str:
    """The CLI's message without the sentence about what its command did ("Nothing was installed.")."""
    return message.split(" Nothing was installed")[0]


def read(qtbot, page, load) -> None:
    load()
    qtbot.waitUntil(lambda: not page.task.running, timeout=10000)


def assert_refused(qtbot, wizard, page, expected: str) -> None:
    if page.isComplete():
        # Read fine, but a check failed (expired, too weak...): a red row, and Finish stays disabled.
        go_next(qtbot, wizard)
        checks = wizard.currentPage()
        errors = [text for kind, text in checks.rows() if kind == "error"]
        assert any(expected in text for text in errors), (expected, errors)
        assert not checks.isComplete()
    else:
        shown = page.ui.source_error.text()
        assert page.ui.source_error.isVisible() and expected in shown, (expected, shown)


@pytest.mark.parametrize("case", PLAIN_CASES, ids=lambda case: case.name)
def test_bad_certificate_files_are_refused_with_the_cli_words(qtbot, window, demo, case):
    before = tree_bytes(demo)
    wizard = start_wizard(window, "received")
    page = wizard.currentPage()
    read(qtbot, page, lambda: page.load_files(case.paths))
    assert_refused(qtbot, wizard, page, words(case.message))
    wizard.reject()
    assert tree_bytes(demo) == before


@pytest.mark.parametrize("case", KEY_FILE_CASES, ids=lambda case: case.name)
def test_bad_key_files_are_refused_with_the_cli_words(qtbot, window, demo, case):
    before = tree_bytes(demo)
    wizard = start_wizard(window, "import")
    page = wizard.currentPage()
    read(qtbot, page, lambda: page.use_files(*case.paths))
    assert_refused(qtbot, wizard, page, words(case.message))
    wizard.reject()
    assert tree_bytes(demo) == before


@pytest.mark.parametrize("case", PASSWORD_CASES, ids=lambda case: case.name)
def test_password_files_ask_and_a_cancelled_prompt_reads_nothing(qtbot, window, demo, prompts, case):
    # The CLI's "none was given" / "does not open" become a prompt; a wrong password asks again.
    given = [case.password_file.read_bytes().rstrip(b"\r\n")] if case.password_file else []
    prompts.password_answers = list(given)  # then None: the person cancels the prompt
    before = tree_bytes(demo)
    wizard = start_wizard(window, "received")
    page = wizard.currentPage()
    read(qtbot, page, lambda: page.load_files(case.paths))
    assert len(prompts.passwords_asked) == len(given) + 1
    if given:
        assert "does not open" in prompts.passwords_asked[-1]
    assert "needs its password" in page.ui.source_error.text() and not page.isComplete()
    wizard.reject()
    assert tree_bytes(demo) == before
