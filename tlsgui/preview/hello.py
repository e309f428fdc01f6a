"""Scanner-style ClientHellos written by hand: which suites a server accepts, whatever this machine's OpenSSL has."""

from __future__ import annotations

import os
import socket
import ssl
import struct
from dataclasses import dataclass
from functools import lru_cache

from tlsgui.preview.handshake import connect

#: Suites OpenSSL 3 no longer implements, so Python's ssl cannot offer them; servers built on older
#: libraries (a 4D of another version) may still accept them. Codes: IANA TLS Cipher Suites registry;
#: names: OpenSSL 1.1.1's, which testssl.sh prints too.
LEGACY_SUITES = {
    0x0003: "EXP-RC4-MD5", 0x0004: "RC4-MD5", 0x0005: "RC4-SHA", 0x0006: "EXP-RC2-CBC-MD5",
    0x0008: "EXP-DES-CBC-SHA", 0x0009: "DES-CBC-SHA", 0x000A: "DES-CBC3-SHA",
    0x0011: "EXP-DHE-DSS-DES-CBC-SHA", 0x0012: "DHE-DSS-DES-CBC-SHA", 0x0013: "DHE-DSS-DES-CBC3-SHA",
    0x0014: "EXP-DHE-RSA-DES-CBC-SHA", 0x0015: "DHE-RSA-DES-CBC-SHA", 0x0016: "DHE-RSA-DES-CBC3-SHA",
    0x0017: "EXP-ADH-RC4-MD5", 0x0018: "ADH-RC4-MD5", 0x0019: "EXP-ADH-DES-CBC-SHA", 0x001A: "ADH-DES-CBC-SHA",
    0x001B: "ADH-DES-CBC3-SHA", 0xC007: "ECDHE-ECDSA-RC4-SHA", 0xC008: "ECDHE-ECDSA-DES-CBC3-SHA",
    0xC011: "ECDHE-RSA-RC4-SHA", 0xC012: "ECDHE-RSA-DES-CBC3-SHA", 0xC016: "AECDH-RC4-SHA",
    0xC017: "AECDH-DES-CBC3-SHA",
}
TLS13_SUITES = {0x1301: "TLS_AES_128_GCM_SHA256", 0x1302: "TLS_AES_256_GCM_SHA384",
                0x1303: "TLS_CHACHA20_POLY1305_SHA256", 0x1304: "TLS_AES_128_CCM_SHA256",
                0x1305: "TLS_AES_128_CCM_8_SHA256"}
_SCSV = 0x00FF  # TLS_EMPTY_RENEGOTIATION_INFO_SCSV: a hello without it looks broken to some servers
_GROUPS = (0x001D, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101, 0x0102)  # x25519, P-256/384/521, ffdhe2048/3072/4096
_SIGALGS = (0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0201, 0x0203)
_MAX_ROUNDS = 200  # one hello per accepted suite, plus the one that is refused: a bound, not a loop forever


@lru_cache(maxsize=1)
def tls12_suites() -> dict[int, str]:
    """Every TLS 1.2-and-older suite this OpenSSL knows (NULL and anonymous ones too), plus LEGACY_SUITES."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.set_ciphers("ALL:COMPLEMENTOFALL:@SECLEVEL=0")
    known = {c["id"] & 0xFFFF: c["name"] for c in context.get_ciphers() if c["protocol"] != "TLSv1.3"}
    return {**LEGACY_SUITES, **known}


def _extension(kind: int, body: bytes) -> bytes:
    return struct.pack("!HH", kind, len(body)) + body


def _u16_list(values, prefix: str = "!H") -> bytes:
    data = b"".join(struct.pack("!H", v) for v in values)
    return struct.pack(prefix, len(data)) + data


def client_hello(codes: list[int], *, tls13: bool = False, sni: str | None = None) -> bytes:
    """One TLS record holding a ClientHello offering `codes` (TLS 1.2, or TLS 1.3 with an x25519 key share)."""
    extensions = b""
    if sni:
        name = sni.encode("idna")
        entry = b"\x00" + struct.pack("!H", len(name)) + name
        extensions += _extension(0x0000, struct.pack("!H", len(entry)) + entry)
    extensions += _extension(0x000A, _u16_list(_GROUPS))  # supported_groups
    extensions += _extension(0x000B, b"\x02\x01\x00")  # ec_point_formats: uncompressed (and ansiX962)
    extensions += _extension(0x000D, _u16_list(_SIGALGS))  # signature_algorithms
    if tls13:
        extensions += _extension(0x002B, b"\x02\x03\x04")  # supported_versions: TLS 1.3 only
        # Any 32 bytes are an X25519 public value; the server's answer is read no further than ServerHello.
        share = struct.pack("!HH", 0x001D, 32) + os.urandom(32)
        extensions += _extension(0x0033, struct.pack("!H", len(share)) + share)  # key_share
    suites = list(codes) + ([] if tls13 else [_SCSV])
    body = (b"\x03\x03" + os.urandom(32) + b"\x20" + os.urandom(32) + _u16_list(suites) + b"\x01\x00"
            + struct.pack("!H", len(extensions)) + extensions)
    message = b"\x01" + struct.pack("!I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack("!H", len(message)) + message


@dataclass(frozen=True)
class HelloAnswer:
    suite: int | None  # the suite the server chose; None when it refused
    alert: int | None = None  # the alert it sent instead (40 handshake_failure, 70 protocol_version, ...)
    timed_out: bool = False


def _read_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return data


def _server_hello(sock: socket.socket) -> HelloAnswer:
    header = _read_exact(sock, 5)
    if len(header) < 5:
        return HelloAnswer(None)  # closed without a word: refused
    kind, length = header[0], struct.unpack("!H", header[3:5])[0]
    body = _read_exact(sock, min(length, 16384))
    if kind == 0x15 and len(body) >= 2:
        return HelloAnswer(None, alert=body[1])
    # ServerHello: type 2, 3-byte length, version (2), random (32), session id (1 + n), then the suite (2).
    if kind != 0x16 or len(body) < 39 or body[0] != 0x02:
        return HelloAnswer(None)
    offset = 4 + 2 + 32
    offset += 1 + body[offset]
    if len(body) < offset + 2:
        return HelloAnswer(None)
    return HelloAnswer(struct.unpack("!H", body[offset:offset + 2])[0])


def offer(host: str, port: int, codes: list[int], *, tls13: bool = False, sni: str | None = None,
          timeout: float = 5.0) -> HelloAnswer:
    """Send one ClientHello and read the server's first answer; Unreachable when nothing listens."""
    with connect(host, port, timeout) as sock:
        try:
            sock.sendall(client_hello(codes, tls13=tls13, sni=sni))
            return _server_hello(sock)
        except (TimeoutError, socket.timeout):
            return HelloAnswer(None, timed_out=True)
        except OSError:
            return HelloAnswer(None)  # reset: refused


@dataclass(frozen=True)
class Enumeration:
    accepted: tuple[str, ...]  # in the server's order of preference
    timed_out: bool = False  # the last hello got no answer: the list may be incomplete


def accepted_suites(host: str, port: int, codes: dict[int, str], *, tls13: bool = False, sni: str | None = None,
                    timeout: float = 5.0) -> Enumeration:
    """Offer `codes`, take out the suite the server picks, offer the rest again, until it refuses."""
    left, accepted = dict(codes), list[str]()
    for _round in range(_MAX_ROUNDS):
        if not left:
            break
        answer = offer(host, port, list(left), tls13=tls13, sni=sni, timeout=timeout)
        if answer.timed_out:
            return Enumeration(tuple(accepted), timed_out=True)
        if answer.suite is None or answer.suite not in left:
            break  # refused (or a suite never offered, which a correct server does not do)
        accepted.append(left.pop(answer.suite))
    return Enumeration(tuple(accepted))
