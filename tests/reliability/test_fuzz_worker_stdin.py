"""Fuzzing the settings reader of the window's test child (`tlsgui --worker preview-test`, JSON on stdin): bad
JSON, wrong types, unknown keys and huge input end in one line of words and exit 2, never a traceback, never
a byte on stdout, never a file written."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import tree_bytes
from hypothesis import example, given
from hypothesis import strategies as st

from tlsgui.errors import TlsguiError
from tlsgui.model.options import OPTIONS
from tlsgui.preview.live_check import STDIN_LIMIT, read_values

KEYS = [opt.key for opt in OPTIONS]
scalars = st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=40)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=12)
setting_values = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=20), json_values, max_size=6)
messages = (st.fixed_dictionaries({"values": setting_values})
            | st.dictionaries(st.sampled_from(["values", "value", "format", ""]), json_values, max_size=3)
            | json_values)


@st.composite
def stdin_bytes(draw):
    """Real-shaped messages, as JSON text that may then be cut, padded or have bytes changed; or any bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=200))
    data = bytearray(json.dumps(draw(messages)).encode("utf-8"))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "insert", "replace"]))
        if kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b"{", b"[", b"\"", b",", b"\xff", b"\x00", b"NaN", b"1e999"]))
        elif at < len(data):
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


@given(stdin_bytes())
@example(b"[" * 100_000)
@example(b'{"values": {"self": 1}}')
@example(b'{"values": {"web.http_port": 1e999}}')
@example(b'{"values": null, "extra": 1}')
def test_fuzz_read_values_gives_checked_values_or_words(raw):
    try:
        values = read_values(raw)
    except TlsguiError as exc:
        assert len(exc.message.split()) >= 3
        return
    assert values is None or (isinstance(values, dict) and set(values) <= set(KEYS))


def _child(project, stdin: bytes):
    return subprocess.run([sys.executable, "-m", "tlsgui", "--worker", "preview-test", str(project),
                           "--timeout", "2", "--deadline", "30"], input=stdin, capture_output=True, timeout=60)


HOSTILE_STDIN = {
    "bad_json": b'{"values": {"web.https_enabled": tru',
    "a_list": b'["values"]',
    "values_a_string": b'{"values": "web.https_enabled=true"}',
    "wrong_type": b'{"values": {"web.http_port": "8080"}}',
    "unknown_setting": b'{"values": {"web.http_prot": 8080}}',
    "unknown_top_key": b'{"values": {}, "run": "rm -rf /"}',
    "not_utf8": b'{"values": {"web.host_names": "caf\xe9"}}',
    "deep_nesting": b"[" * 200_000,
    "huge": b'{"values": {"web.host_names": "' + b"a" * (STDIN_LIMIT + 10) + b'"}}',
    "huge_value_in_message": b'{"values": {"tls.min_version": "' + b"9" * 200_000 + b'"}}',
}


@pytest.mark.parametrize("case", sorted(HOSTILE_STDIN))
def test_the_child_refuses_bad_stdin_in_words_and_writes_nothing(demo, case):
    before = tree_bytes(demo)
    done = _child(demo, HOSTILE_STDIN[case])
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr
    assert done.stdout == b""  # no progress line, no answer: nothing was started
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tlsgui: ") and len(lines[0]) <= 520, stderr[:600]
    assert tree_bytes(demo) == before
