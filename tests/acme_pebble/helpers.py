"""Helpers for ACME tests: run `tlsgui acme`/`renew`, verify with openssl, snapshot a project tree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tlsgui.project.demo import write_demo


def run(command: str, *args, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tlsgui", command, *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL, **kwargs)


def acme(*args, **kwargs) -> subprocess.CompletedProcess:
    return run("acme", *args, **kwargs)


def renew(*args, **kwargs) -> subprocess.CompletedProcess:
    return run("renew", *args, **kwargs)


def openssl_verify(root, cert_pem) -> subprocess.CompletedProcess:
    """openssl verify of the leaf with the intermediates cert.pem carries, against Pebble's root."""
    return subprocess.run(["openssl", "verify", "-CAfile", str(root), "-untrusted", str(cert_pem), str(cert_pem)],
                          capture_output=True, text=True, timeout=30)


def serial(cert_pem: Path) -> str:
    return subprocess.run(["openssl", "x509", "-in", str(cert_pem), "-noout", "-serial"], capture_output=True,
                          text=True, timeout=30, check=True).stdout.strip()


def key_algorithm(key_pem: Path) -> str:
    text = subprocess.run(["openssl", "pkey", "-in", str(key_pem), "-noout", "-text"], capture_output=True,
                          text=True, timeout=30, check=True).stdout
    return "ecdsa" if "prime256v1" in text or "P-256" in text else "rsa" if "RSA" in text or "modulus" in text \
        else text.splitlines()[0]


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def project_with_version(folder: Path, compatibility) -> Path:
    project = write_demo(folder)
    (project / "Project" / "DemoShop.4DProject").write_text(json.dumps({"compatibilityVersion": compatibility}))
    return project


def issued(project: Path, pebble, *domains: str, extra=()) -> subprocess.CompletedProcess:
    done = acme(project, *[a for d in (domains or ("shop.example.test",)) for a in ("--domain", d)],
                *pebble.cli_args(), *extra)
    assert done.returncode == 0, done.stdout + done.stderr
    return done
