"""The command line: every operation of the GUI as a scriptable command (DESIGN.md section 5)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from tlsgui import __version__
from tlsgui.errors import TlsguiError

# Each module adds its sub-commands with register(subparsers); the order is the order in --help. The names
# are listed here too so that `tlsgui PROJECT` opens the window without importing every command module
# (they load validation, `ssl` and the importer); tests/cli/test_command_table.py keeps the two in step.
COMMANDS: dict[str, tuple[str, ...]] = {
    "tlsgui.cli.settings_commands": ("demo", "check", "settings"),
    "tlsgui.cli.cert_commands": ("key", "csr", "install", "selfsigned", "dhparams", "backups", "export"),
    "tlsgui.cli.preview_commands": ("serve", "probe"),
    "tlsgui.cli.devca_commands": ("devca",),
    "tlsgui.cli.acme_commands": ("acme", "renew"),
}
COMMAND_MODULES = tuple(COMMANDS)
COMMAND_NAMES = frozenset(name for names in COMMANDS.values() for name in names)

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
# What a shell reports for a program killed by SIGPIPE (128 + 13), e.g. `yes | head -1`.
EXIT_BROKEN_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tlsgui",
        description="Set up TLS for a 4D project. Without a command, opens the window "
                    "(on PROJECT, or on a fresh copy of the demo project).",
    )
    parser.add_argument("--version", action="version", version=f"tlsgui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def run_command(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # inside the try: a reader that left shows up here, not at interpreter exit
        return code
    except BrokenPipeError:
        # `tlsgui csr ... | head -1`: the reader has gone. Exit quietly, as the Python docs advise (signal
        # module, "Note on SIGPIPE"): point stdout at devnull so the final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except TlsguiError as exc:
        print(f"tlsgui: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("tlsgui: interrupted", file=sys.stderr)
        return 130


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--worker"]:
        from tlsgui.worker import run_worker

        return run_worker(argv[1:])
    if argv and (argv[0].startswith("-") or argv[0] in COMMAND_NAMES):
        return run_command(argv)
    if len(argv) > 1:
        build_parser().error(f"unknown command {argv[0]!r}")
    if argv and not os.path.exists(argv[0]):
        build_parser().error(f"{argv[0]!r} is neither a command nor an existing project folder")
    from tlsgui.app import run_gui

    return run_gui(argv[0] if argv else None)
