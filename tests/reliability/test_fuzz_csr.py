"""Fuzzing what a person types for a request or a development certificate (names, SANs, country, e-mail,
days): a CSR / certificate that openssl-shaped tools read back, or TlsguiError with words; nothing else."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import example, given
from hypothesis import strategies as st

from tlsgui.crypto.csr import CsrFields, build_csr, load_csr, parse_san_list
from tlsgui.crypto.selfsigned import make_selfsigned
from tlsgui.errors import TlsguiError

KEY = ec.generate_private_key(ec.SECP256R1())
# Realistic pieces mixed with anything: host names, addresses, wildcards, separators, long and odd text.
PIECES = st.sampled_from(["www.example.com", "*.example.com", "localhost", "127.0.0.1", "::1", "DNS:", "IP:",
                          "IP:999.1.1.1", "DNS:a..b", ",", " ", "é", "xn--", "-", ".", "a" * 70, "\x00", "\n"])
TEXT = st.lists(PIECES | st.text(max_size=12), max_size=5).map("".join)


@given(TEXT, TEXT, TEXT, TEXT, TEXT)
@example("a" * 65, "FR", "", "", "")
@example("www.example.com", "fra", "", "", "")
@example("www.example.com", "", "not an e-mail", "", "DNS:,IP:")
def test_csr_fields_give_a_request_or_words(cn, country, email, org, san_text):
    try:
        fields = CsrFields(common_name=cn, country=country, email=email, organization=org,
                           sans=parse_san_list(san_text))
        pem = build_csr(KEY, fields)
    except TlsguiError as exc:
        assert exc.message.strip()
        return
    csr = load_csr(pem)
    assert csr.is_signature_valid
    assert csr.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)


@given(TEXT, TEXT, st.integers(-5, 1000))
@example("localhost", "", 398)
def test_selfsigned_inputs_give_a_certificate_or_words(cn, san_text, days):
    try:
        pem = make_selfsigned(KEY, cn, tuple(parse_san_list(san_text)), days)
    except TlsguiError as exc:
        assert exc.message.strip()
        return
    cert = x509.load_pem_x509_certificate(pem)
    assert cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
