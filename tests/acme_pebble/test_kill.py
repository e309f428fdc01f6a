"""A `tlsgui acme` killed (SIGKILL) in the middle of an order: the next run cleans up or finishes the order."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator

from tlsgui.project.demo import write_demo

from .helpers import acme, openssl_verify, tree
from .standin import StaticServer


@contextlib.contextmanager
def _run_until_killed(project, pebble, answer: bool) -> Iterator[tuple[dict, list[str]]]:
    """Start `tlsgui acme --webroot`; kill it with SIGKILL when the CA's validation request arrives (before the
    answer when `answer` is False, after it when True). Yields the journal and challenge files left, while the
    stand-in for 4D's web server keeps serving, as 4D's would: the CA may still be validating the killed run's
    answer when the next run starts (closing the server then reset the CA's connection: a flaky 'invalid')."""
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
        yield journal, left


def test_killed_before_validation_is_cleaned_up_by_the_next_run(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    with _run_until_killed(project, pebble, answer=False) as (journal, left):
        assert journal["order_uri"] and len(left) == 1  # the token file a killed run could not remove
        assert not (project / "cert.pem").exists() and not (project / "key.pem").exists()
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
    with _run_until_killed(project, pebble, answer=True):
        assert (project / ".tlsgui" / "acme" / "order-key.pem").is_file()
        assert os.stat(project / ".tlsgui" / "acme" / "order-key.pem").st_mode & 0o077 == 0
        before = tree(project / "Project")
        done = acme(project, "--domain", "shop.example.test", *pebble.cli_args(), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["resumed"] is True, done.stderr
    assert "Finishing the order" in done.stderr
    assert not (project / "WebFolder" / ".well-known" / "acme-challenge").exists() or \
        not list((project / "WebFolder" / ".well-known" / "acme-challenge").iterdir())
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0
    assert not (project / ".tlsgui" / "acme" / "order-key.pem").exists()
    assert tree(project / "Project") == before or "TLS_RestartWebServer" in str(set(tree(project / "Project")))
