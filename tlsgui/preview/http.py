"""The preview web server's few answers: HTTP redirects to HTTPS, HTTPS answers a page with HSTS."""

from __future__ import annotations

import re
import socket

MAX_REQUEST = 8192  # a request head larger than this is not a browser's: answer 400
_HOST = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:\d{1,5})?$")
_PATH = re.compile(r"^/[\x21-\x7e]*$")
_METHOD_PREFIX = re.compile(rb"^[A-Z]{0,16}( |$)")  # what the first bytes of an HTTP request can be


def read_request_head(sock: socket.socket) -> tuple[str, str, dict[str, str]] | None:
    """(method, path, headers) of one request, or None for garbage, an early close or an oversized head.

    The socket's time-out bounds each recv, so a client that sends nothing costs one time-out.
    """
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > MAX_REQUEST:
            return None
        chunk = sock.recv(4096)
        if not chunk:
            return None
        data += chunk
        if not _METHOD_PREFIX.match(data[:17]):
            return None  # e.g. a TLS hello on the HTTP port: answer 400 now, not after the time-out
    start, headers = parse_head(data)
    parts = start.split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        return None
    return parts[0], parts[1], headers


def parse_head(data: bytes) -> tuple[str, dict[str, str]]:
    """(start line, lower-cased headers) of an HTTP message head (request or response): the one parser."""
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return lines[0], headers


def parse_response(data: bytes) -> tuple[int, dict[str, str]]:
    """(status, lower-cased headers) of an HTTP response; status 0 when it is not HTTP."""
    start, headers = parse_head(data)
    parts = start.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        return 0, {}
    return int(parts[1]), headers


def response(status: str, headers: list[tuple[str, str]], body: bytes = b"") -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers),
             f"Content-Length: {len(body)}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


BAD_REQUEST = response("400 Bad Request", [("Content-Type", "text/plain")], b"bad request\n")


def redirect_location(headers: dict[str, str], path: str, https_port: int) -> str:
    """https://HOST[:PORT]/path, HOST taken from the request (as a web server does), checked against injection."""
    match = _HOST.match(headers.get("host", ""))
    host = match.group(1) if match else "127.0.0.1"
    port = "" if https_port == 443 else f":{https_port}"
    return f"https://{host}{port}{path if _PATH.match(path) else '/'}"


def answer_http(sock: socket.socket, https_port: int | None, name: str) -> None:
    """Plain HTTP: 301 to the HTTPS URL when HTTPS is enabled, else a small page."""
    request = read_request_head(sock)
    if request is None:
        sock.sendall(BAD_REQUEST)
        return
    _method, path, headers = request
    if https_port is None:
        sock.sendall(response("200 OK", [("Content-Type", "text/html; charset=utf-8")], _page(name, "HTTP")))
        return
    location = redirect_location(headers, path, https_port)
    sock.sendall(response("301 Moved Permanently", [("Location", location), ("Content-Type", "text/plain")],
                          f"moved to {location}\n".encode("latin-1")))


def answer_https(sock: socket.socket, hsts_max_age: int | None, name: str) -> None:
    """HTTPS: a small page, with Strict-Transport-Security when HSTS is enabled."""
    request = read_request_head(sock)
    if request is None:
        sock.sendall(BAD_REQUEST)
        return
    headers = [("Content-Type", "text/html; charset=utf-8")]
    if hsts_max_age is not None:
        headers.append(("Strict-Transport-Security", f"max-age={hsts_max_age}"))
    sock.sendall(response("200 OK", headers, _page(name, "HTTPS")))


def _page(name: str, scheme: str) -> bytes:
    safe = "".join(c for c in name if c.isalnum() or c in " -_.")
    return (f"<!doctype html><title>{safe} TLS preview</title>"
            f"<h1>{safe}: tlsgui preview over {scheme}</h1>\n").encode("utf-8")
