"""The preview core stays Qt-free and leaves `cryptography` to tlsgui/crypto/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PREVIEW = Path(__file__).resolve().parents[2] / "tlsgui" / "preview"


def test_preview_imports_neither_qt_nor_cryptography_directly():
    for path in PREVIEW.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert not name.startswith(("PySide6", "cryptography")), f"{path.name} imports {name}"


def test_loading_the_probe_and_commands_loads_no_qt():
    code = ("import sys, tlsgui.preview.probe, tlsgui.cli.preview_commands; "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
