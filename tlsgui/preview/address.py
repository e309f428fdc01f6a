"""HOST:PORT as typed by a person (command line or window), checked, with the port range in the message."""

from __future__ import annotations

import re

from tlsgui.errors import TlsguiError

ADDRESS = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$")
PORTS = (1, 65535)


def looks_like_address(text: str) -> bool:
    return ADDRESS.match(text.strip()) is not None


def parse_address(text: str) -> tuple[str, int]:
    """(host, port) from "host:port" or "[v6]:port"; TlsguiError in words for anything else."""
    match = ADDRESS.match(text.strip())
    if not match:
        raise TlsguiError(f"{text.strip() or 'Nothing'} is not HOST:PORT.", where=text,
                          fix="Type a host name or address, a colon and a port, e.g. shop.example.com:443 or "
                              "[::1]:8443.")
    port = int(match.group(2))
    if not PORTS[0] <= port <= PORTS[1]:
        raise TlsguiError(f"{port} is not a TCP port.", where=text, fix=f"Use a port from {PORTS[0]} to {PORTS[1]}.")
    return match.group(1).strip("[]"), port
