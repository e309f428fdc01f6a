"""Handshakes per second: the preview HTTPS listener (`tlsgui serve`) against a plain Python ssl server.

Both servers run as child processes on 127.0.0.1 with the same key.pem, cert.pem, dhparams.pem and TLS
policy; the same client load (threads doing full TLS handshakes, no session resumption) hits each for a
few seconds in the same run (interleaved A-B-B-A). Usage: python bench/handshakes.py [--seconds 3] [--clients 4]
"""

from __future__ import annotations

import argparse
import datetime
import json
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tlsgui.project.demo import write_demo
from tlsgui.project.store import load_project, save_project

# The plain server: the textbook accept-wrap-close loop, one connection at a time.
PLAIN_SERVER = r"""
import socket, ssl, sys
folder = sys.argv[1]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.minimum_version = ssl.TLSVersion.TLSv1_2
context.set_ciphers("DEFAULT")
context.load_cert_chain(folder + "/cert.pem", folder + "/key.pem")
if len(sys.argv) > 2:
    context.load_dh_params(sys.argv[2])
listener = socket.create_server(("127.0.0.1", 0))
print(listener.getsockname()[1], flush=True)
while True:
    conn, _ = listener.accept()
    conn.settimeout(5)
    try:
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1)
    except OSError:
        conn.close()
"""


def make_project(folder: Path) -> Path:
    root = write_demo(folder / "BenchShop")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), False)
            .sign(key, hashes.SHA256()))
    (root / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()))
    (root / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    subprocess.run(["openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048",
                    "-out", str(root / "dhparams.pem")], check=True, capture_output=True)
    project = load_project(root)
    save_project(project, project.settings.replace(**{"web.https_enabled": True, "web.http_enabled": False}))
    return root


def hammer(port: int, seconds: float, clients: int) -> tuple[int, int]:
    """(completed handshakes, errors) of `clients` threads handshaking for `seconds`."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    counts = [0] * clients
    errors = [0] * clients
    deadline = time.monotonic() + seconds

    def run(index: int) -> None:
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                    with context.wrap_socket(sock):
                        counts[index] += 1
            except OSError:
                errors[index] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), sum(errors)


def start_preview(root: Path, folder: Path) -> tuple[subprocess.Popen, int]:
    ready = folder / "ready.json"
    process = subprocess.Popen([sys.executable, "-m", "tlsgui", "serve", str(root), "--ready-file", str(ready)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not ready.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit(f"tlsgui serve did not start: {process.communicate()[1].decode()}")
        time.sleep(0.05)
    listeners = json.loads(ready.read_text())["listeners"]
    return process, next(item["port"] for item in listeners if item["role"] == "web_https")


def start_plain(root: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen([sys.executable, "-c", PLAIN_SERVER, str(root), str(root / "dhparams.pem")],
                               stdout=subprocess.PIPE, text=True)
    return process, int(process.stdout.readline())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="duration of each measurement (default 3)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (default 4)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tlsgui-bench-") as tmp:
        folder = Path(tmp)
        root = make_project(folder)
        servers = {"preview": start_preview(root, folder), "plain": start_plain(root)}
        totals = {name: [0, 0] for name in servers}
        try:
            for _process, port in servers.values():
                hammer(port, 0.3, args.clients)  # warm-up: imports, first connections
            # A-B-B-A halves, so load from other programs on a shared machine hits both alike.
            for name in ("preview", "plain", "plain", "preview"):
                done, errors = hammer(servers[name][1], args.seconds / 2, args.clients)
                totals[name][0] += done
                totals[name][1] += errors
        finally:
            for process, _port in servers.values():
                process.terminate()
                process.wait(10)
        rates = {name: done / args.seconds for name, (done, _errors) in totals.items()}
        for name, (done, errors) in totals.items():
            print(f"{name:<8} {rates[name]:8.1f} handshakes/s  ({done} in {args.seconds:g} s, "
                  f"{errors} errors, {args.clients} clients)")
        print(f"ratio    {rates['preview'] / rates['plain']:8.2f}  (preview / plain)")
        if args.json:
            args.json.write_text(json.dumps({
                "seconds": args.seconds, "clients": args.clients,
                "preview_per_s": round(rates["preview"], 1), "plain_per_s": round(rates["plain"], 1),
                "ratio": round(rates["preview"] / rates["plain"], 2),
                "errors": {name: errors for name, (_done, errors) in totals.items()}}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
