"""The installer's committed inputs agree: icons match the SVG, desktop entry and AppStream data match the package."""

from __future__ import annotations

import configparser
import importlib.util
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import tlsgui

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build_deb():
    return load_script("build_deb")


def test_ico_holds_every_size_as_png():
    data = (PACKAGING / "icons" / "tlsgui.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_committed_pngs_are_renderings_of_the_current_svg(qapp):
    """Editing resources/icons/tlsgui.svg without re-running packaging/render_icons.py fails here."""
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    render_icons = load_script("render_icons")
    renderer = QSvgRenderer(str(render_icons.SVG))
    fresh = QImage.fromData(render_icons.render_png(renderer, 64)).convertToFormat(QImage.Format.Format_ARGB32)
    committed = QImage(str(PACKAGING / "icons" / "tlsgui-64.png")).convertToFormat(QImage.Format.Format_ARGB32)
    assert committed.size() == fresh.size()
    # A tolerance, not byte equality: another Qt version may anti-alias an edge pixel differently.
    differing = sum(
        1 for y in range(64) for x in range(64)
        if max(abs(a - b) for a, b in zip(fresh.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True)) > 16
    )
    assert differing < 64 * 64 // 100, f"{differing} pixels differ: run python packaging/render_icons.py"


def test_desktop_entry_launches_tlsgui_with_the_packaged_icon(build_deb):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "linux" / f"{build_deb.APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "tlsgui"
    assert desktop["Icon"] == "tlsgui" and desktop["StartupWMClass"] == "tlsgui"
    for size in build_deb.HICOLOR_SIZES:
        assert (PACKAGING / "icons" / f"tlsgui-{size}.png").is_file()


def test_metainfo_names_the_desktop_entry_and_this_version(build_deb):
    template = PACKAGING / "linux" / f"{build_deb.APP_ID}.metainfo.xml"
    component = ET.fromstring(build_deb.fill(template, tlsgui.__version__))
    assert component.findtext("id") == build_deb.APP_ID
    assert component.findtext("launchable") == f"{build_deb.APP_ID}.desktop"
    assert component.findtext("provides/binary") == "tlsgui"
    release = component.find("releases/release")
    assert release.get("version") == tlsgui.__version__
    assert len(release.get("date")) == 10 and "@" not in release.get("date")


def test_depends_reuses_the_qt_list_of_system_deps(build_deb):
    entries = build_deb.qt_runtime_list()
    assert "libglib2.0-0t64 | libglib2.0-0" in entries
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "fonts-dejavu-core"} <= set(entries)


def test_installed_size_counts_like_dpkg(build_deb, tmp_path):
    (tmp_path / "opt").mkdir()
    (tmp_path / "opt" / "one-byte").write_bytes(b"x")
    (tmp_path / "opt" / "just-over-a-kib").write_bytes(b"x" * 1025)
    (tmp_path / "opt" / "empty").write_bytes(b"")
    (tmp_path / "link").symlink_to("opt/one-byte")
    # directory 1 + files 1 + 2 + 0 + symlink 1
    assert build_deb.installed_size_kib(tmp_path) == 5


def test_version_read_by_the_builder_is_the_package_version(build_deb):
    assert build_deb.read_version() == tlsgui.__version__
