"""Fuzzing the settings readers and the `settings set` parser: only TlsguiError, and no file changed."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from hypothesis import example, given
from hypothesis import strategies as st

from tlsgui.cli.settings_commands import parse_assignments
from tlsgui.errors import TlsguiError
from tlsgui.model.options import OPTIONS
from tlsgui.project.settings_file import parse_settings
from tlsgui.project.sidecar import parse_sidecar
from tlsgui.project.store import _xml_values

SEEDS = [p.read_bytes() for p in sorted((FIXTURES / "settings").glob("*.4DSettings"))]


@st.composite
def mutated(draw, seeds=SEEDS):
    """A real-shaped file with bytes flipped, cut, duplicated or attribute values replaced."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "value"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at: at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(max_size=16))
        else:
            text = bytes(data)
            quote = text.find(b'="', at)
            if quote >= 0:
                end = text.find(b'"', quote + 2)
                if end > 0:
                    value = draw(st.text(max_size=12)).encode("utf-8", "surrogatepass")
                    data[quote + 2:end] = value.replace(b'"', b"")
    return bytes(data)


@given(mutated())
@example(b"")
@example(b"\xff\xfe<\x00p\x00")
@example(b'<?xml version="1.0"?><preferences stamp="1"><com.4d><sql><publication port_number="1e9"/></sql></com.4d></preferences>')
def test_settings_reader_raises_only_its_own_error(data):
    try:
        sf = parse_settings(data, Path("fuzz.4DSettings"))
        _xml_values(sf)
        sf.to_bytes()
    except TlsguiError as exc:
        assert exc.message and exc.where == "fuzz.4DSettings" or exc.where.startswith("fuzz.4DSettings, line")


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["format", "settings", "generator"] + [o.key for o in OPTIONS]) | st.text(max_size=8),
        inner, max_size=6),
    max_leaves=20))
def test_sidecar_reader_raises_only_its_own_error(value):
    import json

    try:
        data = json.dumps(value).encode()
    except ValueError:
        return
    try:
        parse_sidecar(data, Path("tls-settings.json"))
    except TlsguiError as exc:
        assert exc.message


@given(st.lists(st.text(max_size=40), max_size=4))
@example(["=", "web.https_port=", "web.https_port==1", "=true", " web.https_port = 8443 "])
def test_set_parser_raises_only_its_own_error(words):
    try:
        values = parse_assignments(words)
    except TlsguiError as exc:
        assert exc.message
    else:
        assert values


def test_fuzzed_project_never_changes_a_file(demo):
    """A project whose settings file is damaged in many ways opens read-only and nothing is written."""
    from conftest import tree_bytes
    from hypothesis import settings as hsettings

    from tlsgui.project.store import load_project, save_project

    settings_path = demo / "Project/Sources/settings.4DSettings"

    @hsettings(max_examples=30)
    @given(mutated(seeds=[settings_path.read_bytes()]))
    def run(data):
        settings_path.write_bytes(data)
        before = tree_bytes(demo)
        project = load_project(demo)
        try:
            save_project(project, project.settings.replace(**{"web.http_port": 8181}))
        except TlsguiError:
            assert tree_bytes(demo) == before
        else:
            assert not project.read_only

    run()
