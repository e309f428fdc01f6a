"""The committed tlsgui/forms/ui_*.py and tlsgui/resources_rc.py match ui/*.ui and resources/ (run `make ui`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "packaging" / "build_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body(path: Path) -> list[str]:
    # The tool version in the header is not content: a newer PySide6 alone must not fail the test.
    return [line for line in path.read_text(encoding="utf-8").splitlines() if "Created by:" not in line]


def test_generated_files_are_fresh(tmp_path):
    build = _build_module()
    written = build.build(tmp_path / "forms", tmp_path / "resources_rc.py")
    stale = []
    for fresh in written:
        committed = build.RC_FILE if fresh.name == "resources_rc.py" else build.FORMS_DIR / fresh.name
        if not committed.exists() or _body(committed) != _body(fresh):
            stale.append(committed.relative_to(ROOT))
    extra = {p.name for p in build.FORMS_DIR.glob("ui_*.py")} - {p.name for p in written}
    assert not stale and not extra, f"Run `make ui`: stale {stale}, without a .ui file {sorted(extra)}"
    assert {p.stem for p in (ROOT / "ui").glob("*.ui")} == {p.stem.removeprefix("ui_") for p in written
                                                             if p.name.startswith("ui_")}
