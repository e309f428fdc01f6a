"""A `tlsgui acme` killed (SIGKILL) in the middle of an order: the next run cleans up or finishes the order."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

from tlsgui.project.demo import write_demo

from .helpers import acme, openssl_verify, tree
from .standin import StaticServer


def _run_until_killed(project, pebble, answer: bool) -> tuple[dict, list[str]]:
    """Start `tlsgui acme --webroot`; kill it with SIGKILL when the CA's validation request arrives (before the
    answer when `answer` is False, after it when True). Returns the journal and challenge files left."""
    killed = threading.Event()
    holder: dict = {}

    def on_challenge(name: str, serve) -> None:
        if name.startswith("tlsgui-preflight-") or killed.is_set():
            serve()
            return
        if answer:
            serve()
            holder["handler"] = True
        os.kill(holder["pid"], signal.SIGKILL)
        killed.set()

    with StaticServer(project / "WebFolder", pebble.http_port, on_challenge):
        child = subprocess.Popen([sys.executable, "-m", "tlsgui", "acme", str(project), "--domain",
                                  "shop.example.test", *pebble.cli_args(http=False), "--webroot",
                                  "--challenge-port", str(pebble.http_port)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        holder["pid"] = child.pid
        try:
            child.communicate(timeout=120)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert killed.is_set() and child.returncode == -signal.SIGKILL
    journal = json.loads((project / ".tlsgui" / "acme" / "journal.json").read_text())
    left = [p.name for p in (project / "WebFolder" / ".well-known" / "acme-challenge").iterdir()]
    return journal, left


def test_killed_before_validation_is_cleaned_up_by_the_next_run(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    journal, left = _run_until_killed(project, pebble, answer=False)
    assert journal["order_uri"] and len(left) == 1  # the token file a killed run could not remove
    assert not (project / "cert.pem").exists() and not (project / "key.pem").exists()
    with StaticServer(project / "WebFolder", pebble.http_port):
        done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(http=False), "--webroot",
                    "--challenge-port", str(pebble.http_port), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["resumed"] is False  # its authorization failed: a new order was made
    assert "Removed 1 challenge file" in done.stderr
    assert not (project / "WebFolder" / ".well-known").exists()
    assert not (project / ".tlsgui" / "acme" / "journal.json").exists()
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0


def test_killed_after_validation_is_finished_by_the_next_run(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    journal, left = _run_until_killed(project, pebble, answer=True)
    assert (project / ".tlsgui" / "acme" / "order-key.pem").is_file()
    assert os.stat(project / ".tlsgui" / "acme" / "order-key.pem").st_mode & 0o077 == 0
    before = tree(project / "Project")
    done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["resumed"] is True
    assert "Finishing the order" in done.stderr
    assert not (project / "WebFolder" / ".well-known" / "acme-challenge").exists() or \
        not list((project / "WebFolder" / ".well-known" / "acme-challenge").iterdir())
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0
    assert not (project / ".tlsgui" / "acme" / "order-key.pem").exists()
    assert tree(project / "Project") == before or "TLS_RestartWebServer" in str(set(tree(project / "Project")))
