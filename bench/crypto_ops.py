"""Key generation per type, CSR and self-signed certificate timings: tlsgui's functions vs raw `cryptography`.

Usage: python bench/crypto_ops.py [--scale F] [--json FILE]
Each tlsgui call is interleaved with the same operation written directly against `cryptography` (the
baseline: what the library costs without tlsgui's checks), so load from other programs hits both alike.
RSA generation time varies a lot from key to key (the prime search is random): see the spread.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, spread

sys.path.insert(0, str(ROOT))

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from tlsgui.crypto.csr import CsrFields, build_csr
from tlsgui.crypto.keys import generate_key
from tlsgui.crypto.selfsigned import make_selfsigned

# name -> (tlsgui call, raw cryptography call, samples at scale 1)
KEYS = {
    "RSA 2048": (lambda: generate_key("rsa", bits=2048),
                 lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048), 20),
    "RSA 3072": (lambda: generate_key("rsa", bits=3072),
                 lambda: rsa.generate_private_key(public_exponent=65537, key_size=3072), 12),
    "RSA 4096": (lambda: generate_key("rsa", bits=4096),
                 lambda: rsa.generate_private_key(public_exponent=65537, key_size=4096), 10),
    "ECDSA P-256": (lambda: generate_key("ecdsa", curve="p256"), lambda: ec.generate_private_key(ec.SECP256R1()), 60),
    "ECDSA P-384": (lambda: generate_key("ecdsa", curve="p384"), lambda: ec.generate_private_key(ec.SECP384R1()), 60),
}
FIELDS = CsrFields(common_name="www.example.com", country="FR", organization="Example",
                   sans=("DNS:example.com", "DNS:shop.example.com"))


def raw_csr(key) -> bytes:
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "www.example.com")])
    sans = x509.SubjectAlternativeName([x509.DNSName(n) for n in ("www.example.com", "example.com",
                                                                   "shop.example.com")])
    return (x509.CertificateSigningRequestBuilder().subject_name(name).add_extension(sans, critical=False)
            .sign(key, hashes.SHA256()).public_bytes(serialization_pem()))


def raw_selfsigned(key) -> bytes:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()).public_bytes(serialization_pem()))


def serialization_pem():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.PEM


def paired(ours, theirs, runs: int) -> tuple[list[float], list[float]]:
    a, b = [], []
    for index in range(runs):
        for call, samples in ((ours, a), (theirs, b)) if index % 2 == 0 else ((theirs, b), (ours, a)):
            start = time.perf_counter()
            call()
            samples.append(time.perf_counter() - start)
    return a, b


def measure(scale: float) -> dict:
    result = {"keys": {}, "csr": {}, "selfsigned": {}}
    for name, (ours, theirs, runs) in KEYS.items():
        a, b = paired(ours, theirs, max(2, round(runs * scale)))
        result["keys"][name] = {"tlsgui_ms": spread(a, 1000, 2), "cryptography_ms": spread(b, 1000, 2)}
    for name, key in (("RSA 2048", generate_key("rsa")), ("ECDSA P-256", generate_key("ecdsa"))):
        runs = max(5, round(40 * scale))
        a, b = paired(lambda key=key: build_csr(key, FIELDS), lambda key=key: raw_csr(key), runs)
        result["csr"][name] = {"tlsgui_ms": spread(a, 1000, 3), "cryptography_ms": spread(b, 1000, 3)}
        a, b = paired(lambda key=key: make_selfsigned(key, "localhost"), lambda key=key: raw_selfsigned(key), runs)
        result["selfsigned"][name] = {"tlsgui_ms": spread(a, 1000, 3), "cryptography_ms": spread(b, 1000, 3)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the sample counts (default 1)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result = measure(args.scale)
    print(f"{'operation':<26}{'tlsgui median':>14}{'[min..max]':>22}{'cryptography':>14}")
    for group, items in result.items():
        for name, figure in items.items():
            ours, theirs = figure["tlsgui_ms"], figure["cryptography_ms"]
            print(f"{group + ' ' + name:<26}{ours['median']:>11} ms  [{ours['min']}..{ours['max']}]"
                  f"{theirs['median']:>12} ms")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
