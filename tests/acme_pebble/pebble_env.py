"""Debian's Pebble and pebble-challtestsrv on 127.0.0.1 for tests and the bench: a throw-away CA for Pebble's
own HTTPS, free ports, Pebble's issuing root fetched from its management port at every start."""

from __future__ import annotations

import datetime
import ipaddress
import json
import os
import random
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

# A base64url HMAC key for EAB tests, as in Pebble's own test config (any 256-bit value works).
EAB_KID = "kid-tlsgui"
EAB_HMAC = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"


def free_port() -> int:
    """A port nothing uses now, for a server that binds it later (Pebble, the VA's HTTP-01 target, tlsgui
    --http-port, a stand-in for 4D). Taken below the kernel's ephemeral range: a port from bind(0) is an
    ephemeral one, which any outgoing connection made meanwhile may take as its source port (seen once in a
    full run: EADDRINUSE when the stand-in web server bound Pebble's HTTP-01 port)."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    for _ in range(500):
        port = random.randrange(10000, low)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:  # taken, or in TIME_WAIT: try another
                continue
            return port
    raise AssertionError(f"no free port between 10000 and {low}")


def _pem(cert) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def throwaway_ca(folder: Path) -> tuple[Path, Path, Path]:
    """(ca.pem, server cert, server key) for Pebble's HTTPS listener on 127.0.0.1 / localhost."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tlsgui test: Pebble listener CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "listener-ca.pem", folder / "listener-cert.pem", folder / "listener-key.pem"
    paths[0].write_bytes(_pem(ca))
    paths[1].write_bytes(_pem(cert))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class _PortTaken(RuntimeError):
    pass


class Pebble:
    """One Pebble + challtestsrv pair; `start()` then `stop()` (the fixtures do both)."""

    def __init__(self, folder: Path, *, eab: bool = False, validity: int | None = None, nonce_reject: int = 30,
                 http_port: int | None = None) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.eab, self.validity, self.nonce_reject = eab, validity, nonce_reject
        self.port, self.management = free_port(), free_port()
        self.dns_port, self.chall_management = free_port(), free_port()
        self.http_port = http_port or free_port()  # where Pebble's VA asks for HTTP-01 answers
        self.processes: list[subprocess.Popen] = []
        self.ca_bundle = self.root = None

    @property
    def directory(self) -> str:
        return f"https://127.0.0.1:{self.port}/dir"

    @property
    def dns_server(self) -> str:
        return f"127.0.0.1:{self.dns_port}"

    def start(self, attempts: int = 3) -> "Pebble":
        """Start both; a port taken between free_port() and the bind (another test) is retried on new ports."""
        for attempt in range(attempts):
            try:
                return self._start()
            except _PortTaken:
                if attempt == attempts - 1:
                    raise
                self.port, self.management = free_port(), free_port()
                self.dns_port, self.chall_management = free_port(), free_port()
        raise AssertionError("unreachable")

    def _start(self) -> "Pebble":
        self.ca_bundle, cert, key = throwaway_ca(self.folder)
        config = {"pebble": {
            "listenAddress": f"127.0.0.1:{self.port}", "managementListenAddress": f"127.0.0.1:{self.management}",
            "certificate": str(cert), "privateKey": str(key), "httpPort": self.http_port,
            "tlsPort": free_port(), "ocspResponderURL": "", "externalAccountBindingRequired": self.eab}}
        if self.eab:
            config["pebble"]["externalAccountMACKeys"] = {EAB_KID: EAB_HMAC}
        if self.validity:
            config["pebble"]["certificateValidityPeriod"] = self.validity
        (self.folder / "pebble.json").write_text(json.dumps(config))
        env = {**os.environ, "HOME": str(self.folder), "PEBBLE_VA_NOSLEEP": "1",
               "PEBBLE_WFE_NONCEREJECT": str(self.nonce_reject), "PEBBLE_AUTHZREUSE": "0"}
        self._spawn([shutil.which("pebble-challtestsrv") or "pebble-challtestsrv",
                     "-dns01", self.dns_server, "-http01", "", "-https01", "", "-tlsalpn01", "",
                     "-management", f"127.0.0.1:{self.chall_management}", "-defaultIPv6", "",
                     "-defaultIPv4", "127.0.0.1"], "challtestsrv.log", env)
        self._spawn([shutil.which("pebble") or "pebble", "-config", str(self.folder / "pebble.json"),
                     "-dnsserver", self.dns_server], "pebble.log", env)
        try:
            self._wait_ready()
            self.root = self.folder / "pebble-root.pem"
            self.root.write_bytes(self._management_get("/roots/0"))
        except BaseException:
            self.stop()
            raise
        return self

    def _spawn(self, argv: list[str], log: str, env: dict) -> None:
        with open(self.folder / log, "wb") as out:
            self.processes.append(subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                                   stdin=subprocess.DEVNULL, env=env, cwd=self.folder))

    def _context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_bundle))

    def _wait_ready(self, limit: float = 30) -> None:
        """Bounded poll until Pebble's directory and challtestsrv's management port answer."""
        deadline = time.monotonic() + limit
        while True:
            for process in self.processes:
                if process.poll() is not None:
                    logs = "".join((self.folder / n).read_text(errors="replace")[-2000:]
                                   for n in ("pebble.log", "challtestsrv.log"))
                    self.stop()
                    kind = _PortTaken if "address already in use" in logs else RuntimeError
                    raise kind(f"{process.args[0]} exited {process.returncode}: {logs}")
            try:
                urllib.request.urlopen(self.directory, context=self._context(), timeout=2).read()
                with socket.create_connection(("127.0.0.1", self.chall_management), timeout=2):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _management_get(self, path: str) -> bytes:
        url = f"https://127.0.0.1:{self.management}{path}"
        return urllib.request.urlopen(url, context=self._context(), timeout=10).read()

    def set_txt(self, host: str, value: str) -> None:
        """Publish a TXT record in the fake DNS (challtestsrv's management API)."""
        data = json.dumps({"host": host if host.endswith(".") else host + ".", "value": value}).encode()
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{self.chall_management}/set-txt",
                                                      data=data, method="POST"), timeout=10).read()

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        self.processes.clear()

    def cli_args(self, *, http: bool = True) -> list[str]:
        """The `tlsgui acme` options that point at this Pebble (its HTTPS trusted, its DNS, its VA port)."""
        args = ["--directory", self.directory, "--ca-bundle", str(self.ca_bundle), "--agree-tos",
                "--dns-server", self.dns_server, "--http-address", "127.0.0.1"]
        if http:
            args += ["--http-port", str(self.http_port)]
        return args
