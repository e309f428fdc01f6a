"""One real TLS client handshake with Python's ssl, its outcome as a value (never an exception)."""

from __future__ import annotations

import _ssl
import socket
import ssl
import warnings
from dataclasses import dataclass

from tlsgui.errors import TlsguiError
from tlsgui.preview.context import TLS_VERSIONS

#: Names Python's ssl gives versions, to the dotted form of settings.
VERSION_NAMES = {"TLSv1": "1.0", "TLSv1.1": "1.1", "TLSv1.2": "1.2", "TLSv1.3": "1.3"}
#: Offer everything OpenSSL has, so the server's choice is what is observed, not the client's taste.
ALL_CIPHERS = "ALL:@SECLEVEL=0"
#: Reasons OpenSSL gives when this client itself cannot offer what was asked (so nothing was tested).
CLIENT_CANNOT = {"NO_PROTOCOLS_AVAILABLE", "NO_CIPHERS_AVAILABLE", "NO_CIPHER_MATCH", "UNSUPPORTED_PROTOCOL"}
ALERT_PROTOCOL_VERSION = "TLSV1_ALERT_PROTOCOL_VERSION"


class Unreachable(TlsguiError):
    """Nothing answers at HOST:PORT."""


@dataclass(frozen=True)
class Handshake:
    ok: bool
    version: str = ""  # "1.2", "1.3"
    cipher: str = ""
    reason: str = ""  # OpenSSL's reason when it failed, e.g. TLSV1_ALERT_PROTOCOL_VERSION, or "closed"
    message: str = ""  # words for a person when it failed
    chain: tuple[bytes, ...] = ()  # the certificates the server sent (DER), in the order sent
    response: bytes = b""  # the answer to `request`, when one was sent

    @property
    def client_could_not_try(self) -> bool:
        return self.reason in CLIENT_CANNOT


def connect(host: str, port: int, timeout: float) -> socket.socket:
    """A TCP connection, or Unreachable with a clear message (refused, timed out, unknown host)."""
    try:
        return socket.create_connection((host, port), timeout=timeout)
    except ConnectionRefusedError:
        raise Unreachable(f"Nothing listens on {host}:{port} (connection refused).",
                          fix="Start the server (tlsgui serve PROJECT) or check the host and port.") from None
    except (TimeoutError, socket.timeout):
        raise Unreachable(f"{host}:{port} did not answer within {timeout:g} s.",
                          fix="Check the host, the port and any firewall.") from None
    except OSError as exc:
        raise Unreachable(f"Cannot connect to {host}:{port} ({exc.strerror or exc}).") from None


def client_context(version: str | None = None, ciphers: str = ALL_CIPHERS, cadata: str | None = None,
                   check_hostname: bool = False) -> ssl.SSLContext:
    """cadata None: accept any certificate (we only look); "system": the system's trust store; else PEM anchors."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    with warnings.catch_warnings():
        # Naming TLS 1.0/1.1 is deprecated in Python; the probe must still offer them to see them refused.
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = TLS_VERSIONS[version] if version else ssl.TLSVersion.TLSv1
        if version:
            context.maximum_version = TLS_VERSIONS[version]
    context.set_ciphers(ciphers)
    if cadata is None:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        if cadata == "system":
            context.load_default_certs()
        else:
            context.load_verify_locations(cadata=cadata)
        context.check_hostname = check_hostname
    return context


def _served_chain(tls: ssl.SSLSocket) -> tuple[bytes, ...]:
    # Python 3.13 made get_unverified_chain public; 3.10-3.12 have it on the internal object.
    getter = (getattr(tls, "get_unverified_chain", None)
              or getattr(getattr(tls, "_sslobj", None), "get_unverified_chain", None))
    if getter is not None:
        chain = getter() or []
        # 3.13 returns DER bytes; the internal 3.10-3.12 call returns _ssl.Certificate objects.
        return tuple(cert if isinstance(cert, bytes) else cert.public_bytes(_ssl.ENCODING_DER) for cert in chain)
    leaf = tls.getpeercert(binary_form=True)
    return (leaf,) if leaf else ()


def handshake(host: str, port: int, *, version: str | None = None, ciphers: str = ALL_CIPHERS,
              cadata: str | None = None, server_hostname: str | None = None, request: bytes | None = None,
              timeout: float = 5.0, sni: str | None = None) -> Handshake:
    """Connect, handshake (and optionally send one request and read the answer); any failure is a value.

    `server_hostname` is verified against the certificate (with `cadata`); `sni` is only sent.
    """
    try:
        context = client_context(version, ciphers, cadata, check_hostname=server_hostname is not None)
    except ssl.SSLError as exc:
        return Handshake(False, reason=exc.reason or "NO_CIPHER_MATCH", message=f"client setup: {exc}")
    sock = connect(host, port, timeout)
    try:
        tls = context.wrap_socket(sock, server_hostname=server_hostname or sni)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        return Handshake(False, reason="CERTIFICATE_VERIFY_FAILED", message=exc.verify_message or str(exc))
    except ssl.SSLError as exc:
        sock.close()
        message = str(exc)
        if exc.reason == "UNEXPECTED_EOF_WHILE_READING":  # OpenSSL's words are "EOF occurred in violation of protocol"
            message = "the server closed the connection during the handshake (it may not speak TLS on this port)"
        return Handshake(False, reason=exc.reason or type(exc).__name__, message=message)
    except (TimeoutError, socket.timeout):
        sock.close()
        return Handshake(False, reason="timeout", message=f"no handshake within {timeout:g} s")
    except OSError as exc:
        sock.close()
        return Handshake(False, reason="closed", message=f"the server closed the connection ({exc.strerror or exc})")
    with tls:
        cipher = tls.cipher()
        result = Handshake(True, VERSION_NAMES.get(tls.version() or "", tls.version() or ""),
                           cipher[0] if cipher else "", chain=_served_chain(tls))
        if request is None:
            return result
        try:
            tls.sendall(request)
            answer = _read_all(tls)
        except (ssl.SSLError, OSError) as exc:
            return Handshake(True, result.version, result.cipher, reason="closed",
                             message=f"no answer to the request ({exc})", chain=result.chain)
        return Handshake(True, result.version, result.cipher, chain=result.chain, response=answer)


def plain_request(host: str, port: int, request: bytes, timeout: float = 5.0) -> bytes:
    """Send a plain-text request and read the answer until the server closes."""
    with connect(host, port, timeout) as sock:
        sock.sendall(request)
        return _read_all(sock)


def _read_all(sock, limit: int = 65536) -> bytes:
    data = b""
    while len(data) < limit:
        try:
            chunk = sock.recv(4096)
        except ssl.SSLZeroReturnError:
            break
        if not chunk:
            break
        data += chunk
    return data
