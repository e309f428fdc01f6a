"""The command names the window's start-up routes on are exactly the ones the command modules register."""

from __future__ import annotations

import subprocess
import sys

from tlsgui.cli import COMMAND_NAMES, COMMANDS, build_parser, command_names


def test_the_table_lists_every_registered_command():
    assert command_names(build_parser()) == COMMAND_NAMES
    assert sum(len(names) for names in COMMANDS.values()) == len(COMMAND_NAMES)  # no name twice


def test_opening_a_project_imports_no_command_module(demo):
    # `tlsgui PROJECT` up to the point where it hands over to the window: no command module, no `ssl`.
    code = ("import sys, tlsgui.app; tlsgui.app.run_gui = lambda path: print(sorted(m for m in sys.modules "
            "if m.startswith('tlsgui.cli.') or m == 'ssl')) or 0; from tlsgui.cli import main; "
            f"sys.exit(main([{str(demo)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
