"""Fuzzing the received-certificate page's paste box: mutated PEM and e-mail text give a message in
`source_error` or a complete page, never a Qt warning, an exception or a changed file."""

from __future__ import annotations

import base64
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QtMsgType

from gui.conftest import OFFSCREEN_NOISE, tree_bytes
from tlsgui.project.pending import save_pending_key
from tlsgui.wizard.ids import PageId

from .conftest import pem, start_wizard

#: A paste runs a real import in a worker thread (~0.1 s): a quarter of the profile's examples keeps `make test`
#: at a few seconds, and `make fuzz` (HYPOTHESIS_PROFILE=long) still pastes hundreds of texts.
EXAMPLES = max(8, settings.default.max_examples // 4)
NOISE = re.compile(OFFSCREEN_NOISE)


def _email(body: str, quoted: bool, crlf: bool) -> str:
    if quoted:
        body = "> " + body.replace("\n", "\n> ")
    mail = f"Subject: Your certificate\n\nHello,\n\nhere it is:\n\n{body}\nRegards,\nThe CA team\n"
    return mail.replace("\n", "\r\n") if crlf else mail


def _damage_block(draw, text: str) -> str:
    """Damage the DER inside one PEM block and re-encode it, so the armour stays valid and the damage reaches
    the ASN.1 parsers."""
    blocks = list(re.finditer(r"-----BEGIN [^-]+-----\n(.*?)\n-----END", text, re.S))
    if not blocks:
        return text
    block = draw(st.sampled_from(blocks))
    try:
        der = bytearray(base64.b64decode(block.group(1)))
    except ValueError:  # an earlier mutation already broke the base64: leave it so
        return text
    if not der:
        return text
    at = draw(st.integers(0, len(der) - 1))
    kind = draw(st.sampled_from(["flip", "cut", "length", "insert"]))
    if kind == "flip":
        der[at] ^= 1 << draw(st.integers(0, 7))
    elif kind == "cut":
        del der[at:at + draw(st.integers(1, 40))]
    elif kind == "length":
        der[at] = draw(st.sampled_from([0x00, 0x7F, 0x80, 0x82, 0xFF]))
    else:
        der[at:at] = draw(st.binary(min_size=1, max_size=6))
    body = base64.encodebytes(bytes(der)).decode("ascii").strip()
    return text[:block.start(1)] + body + text[block.end(1):]


@st.composite
def pastes(draw, seeds: dict[str, str]):
    """A real paste (chain, leaf alone, leaf in an e-mail, CA-only, unrelated), then damaged a few ways."""
    text = seeds[draw(st.sampled_from(sorted(seeds)))]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["der", "char", "cut", "insert", "email", "label", "blank", "dup"]))
        if kind == "der":
            text = _damage_block(draw, text)
        elif kind == "char" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + draw(st.characters(blacklist_categories=("Cs",))) + text[at + 1:]
        elif kind == "cut":
            text = text[:draw(st.integers(0, len(text)))]
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.text(max_size=30) | st.sampled_from(["\x00", "\u202e", "\t", "=", "-----"])) \
                + text[at:]
        elif kind == "email":
            text = _email(text, draw(st.booleans()), draw(st.booleans()))
        elif kind == "label":
            text = text.replace("CERTIFICATE", draw(st.sampled_from(["X509 CERTIFICATE", "TRUSTED CERTIFICATE",
                                                                     "CERTIFICATE REQUEST", "PKCS7", "certificate"])),
                                draw(st.integers(1, 2)))
        elif kind == "blank":
            text = text.replace("\n", draw(st.sampled_from(["\n\n", "\r\n", "\r", " \n", "\u2028"])))
        elif kind == "dup":
            text = text + text
    return text


@pytest.fixture
def received_page(window, rsa_key):
    save_pending_key(window.document.project.paths, rsa_key)  # a request was made earlier: its key waits
    wizard = start_wizard(window, "received")
    assert wizard.currentId() == PageId.RECEIVED_SOURCE
    return wizard.currentPage()


@pytest.fixture
def seeds(rsa_key, test_ca) -> dict[str, str]:
    """Real pastes, made once per test (hypothesis replays examples, so they must not change between them)."""
    leaf = test_ca.issue(rsa_key.public_key())
    return {"chain": test_ca.chain_pem(leaf).decode(), "leaf": pem(leaf).decode(),
            "email": _email(pem(leaf).decode(), quoted=True, crlf=False),
            "ca only": (pem(test_ca.intermediate) + pem(test_ca.root)).decode(),
            "other key": pem(test_ca.issue(test_ca.intermediate_key.public_key())).decode()}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_pasted_text_gets_words_or_a_complete_page(qtbot, qtlog, demo, seeds, received_page, data):
    text = data.draw(pastes(seeds), label="pasted")
    page = received_page
    before, logged = tree_bytes(demo), len(qtlog.records)
    with qtbot.captureExceptions() as exceptions:
        page.paste_text(text)
        qtbot.waitUntil(lambda: not page.task.running and not page._paste_timer.isActive(), timeout=10000)
    assert not exceptions, exceptions
    warnings = [r.message for r in qtlog.records[logged:]
                if r.type != QtMsgType.QtDebugMsg and r.type != QtMsgType.QtInfoMsg and not NOISE.search(r.message)]
    assert not warnings, warnings
    error = page.ui.source_error
    if page.isComplete():
        assert error.isHidden()
    else:
        assert error.isVisible() and len(error.text().split()) >= 4, error.text()
    assert tree_bytes(demo) == before
