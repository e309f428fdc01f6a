"""Fuzzing the served-certificate reader (tlsgui/crypto/peer.py): mutated real DER chains, as any server reached
by `tlsgui probe HOST:PORT` could send them, give words or a documented "cannot be read" value, never another
exception and never a warning on stderr."""

from __future__ import annotations

import warnings

from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from hypothesis import example, given
from hypothesis import strategies as st

from reliability.mutations import mutate_der
from reliability.odd_certs import DER, Pki, build, key_pem, pem
from tlsgui.crypto import peer
from tlsgui.errors import TlsguiError

PKI = Pki()
_ED_KEY = ed25519.Ed25519PrivateKey.generate()
SEED_CHAINS = {
    "ec-chain": [PKI.leaf(), PKI.inter, PKI.root],
    "many-names": [PKI.leaf(sans=tuple(f"h{i}.example.com" for i in range(40)) + ("*.example.org",)), PKI.inter],
    "ed25519-leaf": [build("ed.example.com", _ED_KEY, "Odd Intermediate", PKI.int_key, sans=("ed.example.com",)),
                     PKI.inter],
    "rsa-self-signed": [build("rsa.example.com", k := rsa.generate_private_key(65537, 2048), "rsa.example.com", k,
                              sans=("rsa.example.com",))],
}
SEEDS = {name: [c.public_bytes(DER) for c in chain] for name, chain in SEED_CHAINS.items()}
SEEDS["odd"] = [PKI.damaged_san_leaf(), PKI.unknown_key_intermediate(), PKI.duplicate_san_leaf()]
LEAF_KEY_PEM = key_pem(PKI.leaf_key)


@st.composite
def served_chains(draw):
    """A real chain, reordered or cut, with one to three of its certificates damaged a few times."""
    chain = [bytearray(d) for d in SEEDS[draw(st.sampled_from(sorted(SEEDS)))]]
    if draw(st.booleans()):
        chain = draw(st.permutations(chain))
    for _ in range(draw(st.integers(1, 3))):
        target = chain[draw(st.integers(0, len(chain) - 1))]
        for _ in range(draw(st.integers(1, 3))):
            mutate_der(draw, target)
    return [bytes(d) for d in chain]


def _no_warnings(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    assert not caught, [str(w.message) for w in caught]
    return result


@given(served_chains(), st.sampled_from(["localhost", "127.0.0.1", "h3.example.com", "x.example.org", "::1"]))
@example([b""], "localhost")
@example([b"\x30\x80\x00\x00"], "localhost")
def test_fuzz_served_chain_gives_words_never_an_exception(chain, host):
    """What the probe does with the chain a server sent: names, self-signed roots, order, the host name."""
    def use():
        names = [peer.describe(der) for der in chain]
        assert all(isinstance(n, str) and n and n.isprintable() for n in names)
        anchors = [peer.der_to_pem(der) for der in chain if peer.is_self_signed(der)]
        problems = peer.chain_problems(chain)
        assert all(isinstance(p, str) and p.isprintable() for p in problems)
        peer.name_covered(chain[0], host)
        peer.names_of(chain[0])
        for der in chain:  # an unreadable certificate is always named as such, never silently passed over
            reason = peer.unreadable_reason(der)
            assert not reason or peer.describe(der).startswith("(unreadable certificate)")
            assert not reason or any("cannot be read" in p for p in problems)
        return anchors

    _no_warnings(use)


@given(served_chains(), st.booleans())
def test_fuzz_cert_pem_and_key_pem_give_tlsgui_error_only(chain, damage_key):
    """What the preview reads from a hand-edited cert.pem and key.pem: the chain, then the key's position."""
    key = bytearray(LEAF_KEY_PEM)
    if damage_key:
        key[len(key) // 2] ^= 0x04
    try:
        ders = _no_warnings(lambda: peer.chain_ders(pem(*chain)))
        index = peer.key_cert_index(bytes(key), ders)
    except TlsguiError as exc:
        assert len(exc.message.split()) >= 4  # words, not a bare exception name
        return
    assert index is None or 0 <= index < len(ders)
