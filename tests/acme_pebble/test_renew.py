"""`tlsgui renew`: not due, --force, due when a third of a short lifetime is left, ARI from a recorded answer."""

from __future__ import annotations

import base64
import datetime
import json
import time

from cryptography import x509

from tlsgui.acme.client import AcmeSession
from tlsgui.acme.renew import due_state
from tlsgui.crypto.acme_keys import account_jwk, new_account_key
from tlsgui.project.demo import write_demo
from tlsgui.project.store import load_project

from .helpers import issued, openssl_verify, renew, serial, tree
from .pebble_env import free_port
from .standin import AriStub


def test_not_due_then_forced(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    first = serial(project / "cert.pem")
    before = tree(project / "Project")
    done = renew(project)
    assert done.returncode == 0, done.stderr
    assert "Not due" in done.stdout and "a third of the lifetime" in done.stdout
    assert serial(project / "cert.pem") == first
    done = renew(project, "--force", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["renewed"] and report["due"]["source"] == "force"
    assert serial(project / "cert.pem") != first
    assert openssl_verify(pebble.root, project / "cert.pem").returncode == 0
    assert tree(project / "Project") == before  # the renewal touched only key.pem, cert.pem and .tlsgui/
    log = (project / ".tlsgui" / "acme" / "renew.log").read_text()
    assert "not due:" in log and "due (force)" in log and "renewed:" in log


def test_due_when_a_third_of_a_short_lifetime_is_left(tmp_path, pebble_factory):
    pebble = pebble_factory(validity=15)  # Pebble's certificateValidityPeriod, seconds: due after 10 s
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    first = serial(project / "cert.pem")
    done = renew(project, "--json")
    assert done.returncode == 0 and not json.loads(done.stdout)["renewed"], done.stdout + done.stderr
    deadline = time.monotonic() + 60
    while True:  # bounded poll of the real clock until the rule says due, as a timer would
        done = renew(project, "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        if report["renewed"]:
            break
        assert time.monotonic() < deadline, report
        time.sleep(1)
    assert report["due"]["source"] == "lifetime"
    assert serial(project / "cert.pem") != first


def test_renew_without_a_remembered_order_fails_in_words(tmp_path):
    project = write_demo(tmp_path / "Shop")
    done = renew(project)
    assert done.returncode == 1 and "tlsgui acme PROJECT --domain" in done.stderr


def test_renew_fails_with_exit_1_when_the_ca_refuses(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    before = tree(project)
    order = project / ".tlsgui" / "acme" / "order.json"
    data = json.loads(order.read_text())
    data["settings"]["http_port"] = free_port()  # nobody answers where the CA asks
    order.write_text(json.dumps(data))
    before = tree(project)
    done = renew(project, "--force", "--http-address", "127.0.0.1")
    assert done.returncode == 1
    assert "could not connect" in done.stderr
    after = tree(project)
    log = ".tlsgui/acme/renew.log"
    assert "failed:" in after.pop(log).decode()
    before.pop(log, None)
    assert after == before


def _ari_window(start: datetime.datetime, end: datetime.datetime) -> dict:
    # The shape Let's Encrypt answers (RFC 9773 section 4.2), recorded; times moved relative to now.
    return {"suggestedWindow": {"start": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                "end": end.strftime("%Y-%m-%dT%H:%M:%SZ")},
            "explanationURL": "https://letsencrypt.org/docs/integration-guide/#renewal-information-ari"}


def _cert_id(cert_pem: bytes) -> str:
    cert = x509.load_pem_x509_certificate(cert_pem)
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value.key_identifier
    serial = cert.serial_number.to_bytes((cert.serial_number.bit_length() + 8) // 8, "big")
    b64 = lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")  # noqa: E731
    return f"{b64(aki)}.{b64(serial)}"  # RFC 9773 section 4.1


def test_ari_window_decides_against_a_recorded_answer(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    cert_pem = (project / "cert.pem").read_bytes()
    now = datetime.datetime.now(datetime.timezone.utc)
    jwk, alg = account_jwk(new_account_key())
    loaded = load_project(project)
    with AriStub(_ari_window(now - datetime.timedelta(hours=2), now - datetime.timedelta(hours=1)),
                 free_port()) as stub:
        state = due_state(loaded, AcmeSession(stub.url, jwk, alg))
    assert state.due and state.source == "ari" and "ARI" in state.words
    assert stub.asked == [_cert_id(cert_pem)]
    with AriStub(_ari_window(now + datetime.timedelta(days=20), now + datetime.timedelta(days=22)),
                 free_port()) as stub:
        state = due_state(loaded, AcmeSession(stub.url, jwk, alg))
    assert not state.due and state.source == "ari"
    assert now + datetime.timedelta(days=20) <= state.when <= now + datetime.timedelta(days=22, seconds=1)
    # Pebble 2.4 has no renewalInfo: the lifetime rule answers.
    assert due_state(loaded, AcmeSession(pebble.directory, jwk, alg, str(pebble.ca_bundle))).source == "lifetime"


def test_renew_cli_not_due_inside_a_future_ari_window(tmp_path, pebble):
    project = write_demo(tmp_path / "Shop")
    issued(project, pebble)
    now = datetime.datetime.now(datetime.timezone.utc)
    with AriStub(_ari_window(now + datetime.timedelta(days=3), now + datetime.timedelta(days=4)),
                 free_port()) as stub:
        order = project / ".tlsgui" / "acme" / "order.json"
        data = json.loads(order.read_text())
        data["settings"]["directory"] = stub.url
        order.write_text(json.dumps(data))
        done = renew(project)
    assert done.returncode == 0, done.stderr
    assert "Not due: the CA's renewal window (ARI, RFC 9773)" in done.stdout
    assert len(stub.asked) == 1
