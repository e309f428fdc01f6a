"""Fuzzing the certificate importer: mutated PEM, DER, PKCS#7 and PKCS#12 bytes give TlsguiError or a usable
result, never another exception, and planning an install never changes a file."""

from __future__ import annotations

import base64
import datetime
import re

import pytest
from conftest import tree_bytes
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypothesis import example, given
from hypothesis import strategies as st

from reliability.bad_corpus import CORPUS
from reliability.mutations import mutate_der
from tlsgui.crypto.importer import order_chain, read_bundle
from tlsgui.crypto.summary import cert_facts, certificate_summary
from tlsgui.errors import TlsguiError
from tlsgui.project.install import plan_install
from tlsgui.project.pending import save_pending_key
from tlsgui.project.store import load_project

PASSWORD = b"fuzz-pass"
PEM, DER = serialization.Encoding.PEM, serialization.Encoding.DER


def _cert(subject, key, issuer, signer, ca):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=90))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = (builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False))
    return builder.sign(signer, hashes.SHA256())


def _seeds():
    """Real files of every format the importer reads, for a working chain whose leaf key is pending."""
    root_key, int_key = ec.generate_private_key(ec.SECP384R1()), ec.generate_private_key(ec.SECP256R1())
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = _cert("Fuzz Root", root_key, "Fuzz Root", root_key, True)
    inter = _cert("Fuzz Intermediate", int_key, "Fuzz Root", root_key, True)
    leaf = _cert("www.example.com", leaf_key, "Fuzz Intermediate", int_key, False)
    chain_pem = b"".join(c.public_bytes(PEM) for c in (leaf, inter, root))
    key_pkcs8 = leaf_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    seeds = {
        "chain.pem": chain_pem,
        "bundle.pem": chain_pem + key_pkcs8,
        "leaf.der": leaf.public_bytes(DER),
        "chain.p7b": pkcs7.serialize_certificates([leaf, inter], DER),
        "chain-pem.p7b": pkcs7.serialize_certificates([leaf, inter], PEM),
        "protected.pfx": pkcs12.serialize_key_and_certificates(
            b"www", leaf_key, leaf, [inter], serialization.BestAvailableEncryption(PASSWORD)),
        "open.pfx": pkcs12.serialize_key_and_certificates(b"www", leaf_key, leaf, [inter],
                                                          serialization.NoEncryption()),
        "key-traditional.pem": leaf_key.private_bytes(PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                                      serialization.NoEncryption()),
        "key-encrypted.pem": leaf_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.BestAvailableEncryption(PASSWORD)),
        "key.der": int_key.private_bytes(DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    }
    for name in ("request-instead-of-cert.csr", "request-der.csr", "sha1-signed-with-key.pem", "ed25519-with-key.pem",
                 "certificate-only.pfx", "email-one-certificate-quoted.eml", "certificate-cr-only.crt"):
        seeds[name] = (CORPUS / name).read_bytes()
    return seeds, leaf_key


SEEDS, LEAF_KEY = _seeds()


@st.composite
def mutated(draw):
    """A real file with its bytes (or, for PEM, the DER inside a block) damaged a few times."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 3))):
        blocks = list(re.finditer(rb"-----BEGIN [^-]+-----\n(.*?)\n-----END", bytes(data), re.S))
        where = draw(st.sampled_from(["bytes", "inner", "lines", "tail"])) if blocks else "bytes"
        if where == "inner":  # deep: damage the DER, then re-encode, so base64 and the armour stay valid
            block = draw(st.sampled_from(blocks))
            try:
                der = bytearray(base64.b64decode(block.group(1)))
            except ValueError:
                continue
            mutate_der(draw, der)
            body = base64.encodebytes(bytes(der)).strip()
            data[block.start(1):block.end(1)] = body
        elif where == "lines":
            data = bytearray(bytes(data).replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\n", b" \n"]))))
        elif where == "tail":
            del data[draw(st.integers(0, len(data))):]
        else:
            mutate_der(draw, data)
    return bytes(data), draw(st.sampled_from([None, PASSWORD, b"wrong"]))


def _use(imported) -> None:
    """What the app does with an import: summaries, facts and the chain order of what was read."""
    for cert in imported.certificates:
        certificate_summary(cert)
        cert_facts(cert)
    if imported.certificates:
        order_chain(imported.certificates)


@given(mutated())
@example((b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", None))
@example((b"\x30\x80" + b"\x00" * 8, None))
def test_read_bundle_raises_only_its_own_error(sample):
    import warnings

    data, password = sample
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            imported = read_bundle(data, "fuzz.pem", password)
        except TlsguiError as exc:
            assert exc.message.strip()
            assert str(exc).strip()
        else:
            _use(imported)
    # No library warning reaches the person either (the CLI would print it on stderr).
    noise = [w for w in caught if issubclass(w.category, UserWarning)]
    assert not noise, [str(w.message) for w in noise]


@pytest.fixture
def project_with_pending_key(demo):
    save_pending_key(load_project(demo).paths, LEAF_KEY)
    return demo


def test_plan_install_never_changes_a_file(project_with_pending_key, tmp_path_factory):
    """A project with the leaf's pending key, so damaged certificates that still parse reach every check."""
    from hypothesis import settings as hsettings

    root = project_with_pending_key
    incoming = tmp_path_factory.mktemp("incoming") / "received.crt"
    before = tree_bytes(root)
    project = load_project(root)

    @hsettings(max_examples=hsettings().max_examples // 2)
    @given(mutated())
    def run(sample):
        data, password = sample
        incoming.write_bytes(data)
        try:
            plan = plan_install(project, [incoming], password=password)
            plan.cert_pem()
            certificate_summary(plan.chain.leaf)
        except TlsguiError as exc:
            assert exc.message.strip()
        assert tree_bytes(root) == before

    run()


DH_SEEDS = [(CORPUS / name).read_bytes() for name in ("dh-512.pem", "dh-1024-rfc2409.pem", "dh-generator-1.pem")]


@st.composite
def mutated_dh(draw):
    from tlsgui.crypto.dhparams import FFDHE_GROUPS

    data = bytearray(draw(st.sampled_from(DH_SEEDS + [FFDHE_GROUPS["ffdhe2048"]])))
    block = re.search(rb"-----\n(.*?)\n-----END", bytes(data), re.S)
    der = bytearray(base64.b64decode(block.group(1)))
    for _ in range(draw(st.integers(1, 3))):
        mutate_der(draw, der)
    data[block.start(1):block.end(1)] = base64.encodebytes(bytes(der)).strip()
    return bytes(data)


@given(mutated_dh())
def test_dhparams_reader_raises_only_its_own_error(data):
    from tlsgui.crypto.dhparams import check_dhparams

    try:
        check_dhparams(data, "fuzz-dhparams.pem")
    except TlsguiError as exc:
        assert exc.message.strip()
