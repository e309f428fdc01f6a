"""Compile ui/*.ui into tlsgui/forms/ui_*.py and resources/tlsgui.qrc into tlsgui/resources_rc.py (committed)."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
QRC = ROOT / "resources" / "tlsgui.qrc"
FORMS_DIR = ROOT / "tlsgui" / "forms"
RC_FILE = ROOT / "tlsgui" / "resources_rc.py"
FORMS_INIT = '"""Generated from ui/*.ui by packaging/build_ui.py (`make ui`); do not edit."""\n'


def _tool(name: str) -> str:
    # The venv's tools sit next to its python; fall back to PATH.
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make venv) and retry.")
    return found


_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def trim_imports(source: str) -> str:
    """Drop the Qt classes a generated form never uses.

    uic always imports the same ~40 classes; PySide initialises each imported class (and creates its
    enums) on import, which costs start-up time (QGradient, QFontDatabase, QLocale, ...).
    """
    body = "\n".join(line for line in _QT_IMPORT.sub("", source).splitlines() if not line.lstrip().startswith("#"))

    def kept(match: re.Match) -> str:
        names = [n.strip() for n in match.group(2).split(",") if n.strip()]
        used = [n for n in names if re.search(rf"\b{n}\b", body)]
        if not used:
            return ""
        lines, line = [], f"from {match.group(1)} import ("
        for name in used:
            piece = f"{name}, " if name != used[-1] else f"{name})"
            if len(line) + len(piece) > 100:
                lines.append(line.rstrip())
                line = "    "
            line += piece
        return "\n".join([*lines, line]) + "\n"

    return _QT_IMPORT.sub(kept, source)


def build(forms_dir: Path = FORMS_DIR, rc_file: Path = RC_FILE) -> list[Path]:
    """Regenerate every output; returns the files written."""
    forms_dir.mkdir(parents=True, exist_ok=True)
    (forms_dir / "__init__.py").write_text(FORMS_INIT, encoding="utf-8")
    written = [forms_dir / "__init__.py"]
    for ui in sorted(UI_DIR.glob("*.ui")):
        out = forms_dir / f"ui_{ui.stem}.py"
        # Run from ui/ with a bare file name so the generated header does not depend on the checkout path.
        subprocess.run([_tool("pyside6-uic"), "--from-imports", ui.name, "-o", str(out.resolve())],
                       cwd=UI_DIR, check=True)
        out.write_text(trim_imports(out.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(out)
    # Format 1: later formats embed each file's mtime, so a fresh clone would never match the committed file.
    subprocess.run([_tool("pyside6-rcc"), "-g", "python", "--format-version", "1", QRC.name,
                    "-o", str(rc_file.resolve())],
                   cwd=QRC.parent, check=True)
    written.append(rc_file)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--forms-dir", type=Path, default=FORMS_DIR)
    parser.add_argument("--rc-file", type=Path, default=RC_FILE)
    args = parser.parse_args()
    for path in build(args.forms_dir, args.rc_file):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
