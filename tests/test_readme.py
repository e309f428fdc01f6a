"""The README's settings table and quick start stay true to the code."""

from pathlib import Path

from tlsgui.model.options import OPTIONS, Storage

README = (Path(__file__).parents[1] / "README.md").read_text()


def test_every_setting_is_documented_where_it_is_stored():
    rows = {line.split("|")[1].strip(" `"): line for line in README.splitlines() if line.startswith("| `")}
    for opt in OPTIONS:
        assert opt.key in rows, f"{opt.key} missing from the README table"
        where = f"`{opt.xml.element}` `{opt.xml.attribute}`" if opt.storage is Storage.XML else "`tls-settings.json`"
        assert where in rows[opt.key]
        assert opt.label in rows[opt.key]


def test_quick_start_is_exactly_two_commands():
    block = README.split("## Quick start", 1)[1].split("```")[1]
    assert block.split() == ["make", "run", "make", "test"]
