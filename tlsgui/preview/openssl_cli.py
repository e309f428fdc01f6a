"""What Python's ssl cannot tell (the key-exchange group, DH size): asked of `openssl s_client`, when installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Sequence

# `-brief` prints the summary right after the handshake; without it, a TLS 1.3 session block may be
# missing when s_client quits (stdin closed) before the session ticket arrives.
_TEMP_KEY = re.compile(r"^Server Temp Key: (.+)$", re.M)
_PROTOCOL = re.compile(r"^Protocol version: (\S+)$", re.M)  # the negotiated version, not the cipher's
_CIPHER = re.compile(r"^Ciphersuite: (\S+)$", re.M)


@dataclass(frozen=True)
class SClientResult:
    ran: bool  # False: no openssl command on this machine
    temp_key: str = ""  # e.g. "X25519, 253 bits" or "DH, 2048 bits"; "" when none was printed
    protocol: str = ""
    cipher: str = ""  # "" when the handshake failed
    output: str = ""

    @property
    def handshake_ok(self) -> bool:
        return bool(self.cipher)

    @property
    def dh_bits(self) -> int | None:
        match = re.match(r"DH, (\d+) bits", self.temp_key)
        return int(match.group(1)) if match else None


def openssl_path() -> str | None:
    return shutil.which("openssl")


def s_client(host: str, port: int, extra: Sequence[str] = (), timeout: float = 10.0) -> SClientResult:
    """One `openssl s_client` handshake (stdin closed, so it ends right after the handshake)."""
    binary = openssl_path()
    if binary is None:
        return SClientResult(ran=False)
    command = [binary, "s_client", "-connect", f"{host}:{port}", "-brief", *extra]
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return SClientResult(ran=False)
    text = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    temp, protocol, cipher = _TEMP_KEY.search(text), _PROTOCOL.search(text), _CIPHER.search(text)
    return SClientResult(ran=True, temp_key=temp.group(1).strip() if temp else "",
                         protocol=protocol.group(1) if protocol else "", cipher=cipher.group(1) if cipher else "",
                         output=text)


def describe_key_exchange(temp_key: str) -> str:
    """'X25519, 253 bits' -> 'X25519'; 'ECDH, prime256v1, 256 bits' -> 'ECDH prime256v1'; 'DH, 2048 bits' -> 'DH 2048 bits'."""
    parts = [part.strip() for part in temp_key.split(",")]
    if not parts or not parts[0]:
        return ""
    if parts[0] == "DH":
        return f"DH {parts[-1]}"
    if parts[0] == "ECDH" and len(parts) > 2:
        return f"ECDH {parts[1]}"
    return parts[0]
