"""Answering ACME challenges: HTTP-01 served by tlsgui or written into the WebFolder, DNS-01 checked in DNS."""

from __future__ import annotations

import contextlib
import errno
import http.client
import http.server
import secrets
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tlsgui.errors import TlsguiError

CHALLENGE_PATH = "/.well-known/acme-challenge/"  # RFC 8555 section 8.3


class ChallengeServer:
    """A tiny HTTP server answering /.well-known/acme-challenge/TOKEN on port N (4D's web server stopped)."""

    def __init__(self, port: int, address: str = "") -> None:
        self.answers: dict[str, bytes] = {}
        answers = self.answers

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                token = self.path[len(CHALLENGE_PATH):] if self.path.startswith(CHALLENGE_PATH) else ""
                body = answers.get(token)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, format, *args) -> None:
                pass

        try:
            self.server = _server(address, port, Handler)
        except OSError as exc:
            raise TlsguiError(f"tlsgui cannot answer on port {port} ({exc.strerror}).",
                              where=f"--http-port {port}",
                              fix="Stop 4D's web server (or whatever uses the port) while the certificate is "
                                  "issued, run as a user allowed to use port 80, or use --webroot.") from None
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="acme-http-01", daemon=True)

    def __enter__(self) -> "ChallengeServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class _DualStackServer(http.server.ThreadingHTTPServer):
    """Every IPv6 and IPv4 address at once: a CA validates over IPv6 when the name has an AAAA record."""

    address_family = socket.AF_INET6

    def server_bind(self) -> None:
        with contextlib.suppress(OSError, AttributeError):
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()


def _server(address: str, port: int, handler) -> http.server.ThreadingHTTPServer:
    if address == "" and socket.has_ipv6:
        try:
            return _DualStackServer(("::", port), handler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise
    return http.server.ThreadingHTTPServer((address, port), handler)  # IPv4 only, or the address given


def resolve_address(name: str, dns_server: str = "") -> str:
    """An IPv4/IPv6 address for `name`: from `dns_server` (HOST:PORT) with dnspython, else the system's."""
    if dns_server:
        import dns.exception
        import dns.resolver

        resolver = _resolver(dns_server)
        for kind in ("A", "AAAA"):
            try:
                return str(resolver.resolve(name, kind, lifetime=5)[0])
            except dns.exception.DNSException:
                continue
        raise TlsguiError(f"{name} has no address in DNS.", fix="Add an A record pointing to this server.")
    try:
        return str(socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)[0][4][0])
    except OSError as exc:
        raise TlsguiError(f"{name} has no address in DNS ({exc}).",
                          fix="Add an A record pointing to this server.") from None


def _resolver(dns_server: str):
    import dns.resolver

    host, _, port = dns_server.rpartition(":")
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [host or dns_server]
    resolver.port = int(port) if host else 53
    return resolver


class Webroot:
    """Challenge files under the project's WebFolder/.well-known/acme-challenge/, for a running 4D to serve.

    Every file written is recorded (the journal) so that a crash leaves nothing behind after the next run.
    """

    def __init__(self, web_folder: Path, record: Callable[[list[str], list[str]], None]) -> None:
        self.folder = web_folder / ".well-known" / "acme-challenge"
        self.record = record
        self.written: list[Path] = []
        self.made: list[Path] = []

    def write(self, token: str, body: bytes) -> Path:
        if not self.folder.parent.parent.is_dir():
            raise TlsguiError("The project has no WebFolder for 4D's web server to serve.",
                              where=str(self.folder.parent.parent),
                              fix="Use --http-port (tlsgui answers itself) or DNS-01.")
        path = self.folder / token
        self.written.append(path)
        made = [f for f in (self.folder.parent, self.folder) if not f.exists()]
        self.made += made
        self._record()  # recorded before the write: a crash can leave no orphan
        for folder in made:
            folder.mkdir()
        path.write_bytes(body)
        return path

    def preflight(self, domain: str, port: int = 80, dns_server: str = "") -> str:
        """Check 4D serves a file from the folder at http://DOMAIN/.well-known/acme-challenge/ before asking the
        CA (a failed validation counts against the CA's rate limits); '' when it does, else words."""
        name = f"tlsgui-preflight-{secrets.token_hex(8)}"
        body = secrets.token_hex(16).encode()
        self.write(name, body)
        try:
            address = resolve_address(domain, dns_server)
            conn = http.client.HTTPConnection(address, port, timeout=10)
            try:
                conn.request("GET", CHALLENGE_PATH + name, headers={"Host": domain})
                response = conn.getresponse()
                got = response.read(4096)
            finally:
                conn.close()
        except (OSError, http.client.HTTPException, TlsguiError) as exc:
            return f"http://{domain}{_port(port)}{CHALLENGE_PATH} cannot be reached ({exc})."
        finally:
            self.remove(self.folder / name)
        if response.status != 200 or got.strip() != body:
            return (f"http://{domain}{_port(port)}{CHALLENGE_PATH} does not serve the project's "
                    f"WebFolder/.well-known/acme-challenge/ (HTTP {response.status}).")
        return ""

    def remove(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        if path in self.written:
            self.written.remove(path)
            self._record()

    def _record(self) -> None:
        self.record([str(p) for p in self.written], [str(f) for f in self.made])

    def cleanup(self) -> None:
        for path in list(self.written):
            self.remove(path)
        _remove_folders(self.made)
        self.made = []
        self._record()


def _remove_folders(folders) -> None:
    for folder in reversed([Path(f) for f in folders]):
        try:
            folder.rmdir()  # only the folders tlsgui made, and only when empty
        except OSError:
            pass


def _port(port: int) -> str:
    return "" if port == 80 else f":{port}"


def remove_leftovers(files: list[str], folders: list[str]) -> list[str]:
    """Remove the challenge files (and the folders tlsgui made) a killed run left; returns the files removed."""
    removed = []
    for name in files:
        path = Path(name)
        if path.parent.name == "acme-challenge" and path.is_file():
            path.unlink()
            removed.append(name)
    _remove_folders([f for f in folders if Path(f).name in (".well-known", "acme-challenge")])
    return removed


def dns_record_name(domain: str) -> str:
    return f"_acme-challenge.{domain.removeprefix('*.')}"  # RFC 8555 section 8.4


def txt_published(domain: str, value: str, dns_server: str = "") -> bool:
    import dns.exception
    import dns.resolver

    resolver = _resolver(dns_server) if dns_server else dns.resolver.Resolver()
    try:
        answer = resolver.resolve(dns_record_name(domain), "TXT", lifetime=5)
    except dns.exception.DNSException:
        return False
    return any(b"".join(r.strings).decode(errors="replace") == value for r in answer)


def wait_for_txt(domain: str, value: str, dns_server: str, cancelled: Callable[[], bool],
                 limit: float = 600.0) -> None:
    """Poll DNS (bounded, growing interval) until the TXT record resolves; TlsguiError after `limit` seconds."""
    deadline, interval = time.monotonic() + limit, 0.2
    while not txt_published(domain, value, dns_server):
        if cancelled():
            raise TlsguiError("Cancelled while waiting for the DNS record.")
        if time.monotonic() > deadline:
            raise TlsguiError(f"The TXT record {dns_record_name(domain)} does not resolve to the expected value "
                              f"after {limit:.0f} s.", fix="Check the record at your DNS provider, then retry.")
        time.sleep(interval)  # a bounded poll of an outside system, not synchronisation between our parts
        interval = min(interval * 1.5, 5)
