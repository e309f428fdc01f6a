"""`tlsgui serve` checked by real peers: Python's ssl, openssl s_client, curl and testssl.sh."""

from __future__ import annotations

import shutil
import signal
import socket
import ssl
import subprocess

ROLES = {"web_http", "web_https", "client_server", "sql"}


def s_client(port: int, *args: str, cafile=None) -> str:
    command = ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", *args]
    if cafile:
        command += ["-CAfile", str(cafile), "-verify_return_error"]
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=20)
    return done.stdout + done.stderr


def curl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["curl", "-sS", "--max-time", "10", *args], capture_output=True, text=True, timeout=20)


def test_every_listener_accepts_a_verifying_python_client(tls_project, serve, pki_files):
    root = tls_project()
    served = serve(root)
    ready = served.ready
    assert ready["format"] == 1 and ready["project"] == str(root)
    assert {item["role"] for item in ready["listeners"]} == ROLES
    assert all(item["host"] == "127.0.0.1" for item in ready["listeners"])
    context = ssl.create_default_context(cafile=str(pki_files / "root.pem"))
    for role in ("web_https", "client_server", "sql"):
        with socket.create_connection(("127.0.0.1", served.port(role)), timeout=5) as sock:
            with context.wrap_socket(sock, server_hostname="localhost") as tls:
                assert tls.version() == "TLSv1.3"
                assert tls.getpeercert()["subject"][0][0] == ("commonName", "localhost")
    code, out, err = served.stop()
    assert code == 0, err
    assert "Stopped:" in out and "Traceback" not in err


def test_sigint_stops_it_cleanly(tls_project, serve):
    served = serve(tls_project())
    code, out, err = served.stop(signal.SIGINT)
    assert code == 0 and "Stopped:" in out and "Traceback" not in err


def test_openssl_sees_tls11_refused_with_protocol_version_alert(tls_project, serve, pki_files):
    served = serve(tls_project())
    port = served.port("web_https")
    # OpenSSL 3 refuses TLS 1.1 on the client side at the default security level; level 0 lets it ask.
    out = s_client(port, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
    assert "alert protocol version" in out and "alert number 70" in out
    out = s_client(port, "-tls1_2", cafile=pki_files / "root.pem")
    assert "Protocol  : TLSv1.2" in out and "Verify return code: 0 (ok)" in out


def test_minimum_13_means_only_tls13(tls_project, serve):
    served = serve(tls_project(tls__min_version="1.3"))
    for role in ("web_https", "client_server", "sql"):
        assert "alert number 70" in s_client(served.port(role), "-tls1_2")
        out = s_client(served.port(role), "-tls1_3")
        assert "New, TLSv1.3, Cipher is TLS_" in out  # a TLS 1.3 suite: TLS 1.3 was negotiated


def test_dhe_only_with_dhparams(tls_project, serve, ffdhe2048):
    # Without dhparams.pem: Python's ssl never picks DH parameters by itself (no SSL_CTX_set_dh_auto),
    # so a client that offers only DHE suites gets alert 40 handshake_failure.
    without = serve(tls_project())
    out = s_client(without.port("web_https"), "-tls1_2", "-cipher", "kDHE")
    assert "alert handshake failure" in out and "Server Temp Key: DH" not in out
    with_dh = serve(tls_project(dhparams=ffdhe2048))
    out = s_client(with_dh.port("sql"), "-tls1_2", "-cipher", "kDHE")
    assert "Server Temp Key: DH, 2048 bits" in out
    assert "Cipher is DHE-RSA-" in out


def test_cipher_list_is_applied(tls_project, serve):
    served = serve(tls_project(tls__cipher_list="ECDHE-RSA-AES128-GCM-SHA256"))
    port = served.port("client_server")
    assert "Cipher    : ECDHE-RSA-AES128-GCM-SHA256" in s_client(port, "-tls1_2")
    assert "alert handshake failure" in s_client(port, "-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384")


def test_curl_sees_hsts_and_the_redirect(tls_project, serve, pki_files):
    served = serve(tls_project())
    https, http = served.port("web_https"), served.port("web_http")
    done = curl("-i", "--cacert", str(pki_files / "root.pem"), f"https://localhost:{https}/")
    assert done.returncode == 0, done.stderr
    assert "strict-transport-security: max-age=31536000" in done.stdout.lower()
    done = curl("-i", f"http://127.0.0.1:{http}/orders?id=1")
    assert done.stdout.startswith("HTTP/1.1 301")
    assert f"location: https://127.0.0.1:{https}/orders?id=1" in done.stdout.lower()
    # Following the redirect ends on the HTTPS page, verified against the root (the leaf names 127.0.0.1 too).
    done = curl("-L", "--cacert", str(pki_files / "root.pem"), "-o", "/dev/null", "-w", "%{http_code} %{url_effective}",
                f"http://127.0.0.1:{http}/")
    assert done.stdout == f"200 https://127.0.0.1:{https}/", done.stderr


def test_no_hsts_header_when_hsts_is_off(tls_project, serve, pki_files):
    served = serve(tls_project(web__hsts_enabled=False))
    done = curl("-i", "--cacert", str(pki_files / "root.pem"), f"https://localhost:{served.port('web_https')}/")
    assert done.stdout.startswith("HTTP/1.1 200") and "strict-transport-security" not in done.stdout.lower()


def test_testssl_sees_only_tls12_and_tls13(tls_project, serve):
    testssl = shutil.which("testssl.sh") or shutil.which("testssl")
    assert testssl, "testssl.sh is a test dependency (packaging/system-deps.sh peers)"
    served = serve(tls_project())
    done = subprocess.run([testssl, "--protocols", "--quiet", "--color", "0", "--warnings", "off",
                           f"127.0.0.1:{served.port('client_server')}"], capture_output=True, text=True, timeout=120)
    lines = {line.split("  ")[0].strip(): line for line in done.stdout.splitlines() if line.startswith(" TLS")}
    assert "not offered" in lines["TLS 1"] and "not offered" in lines["TLS 1.1"], done.stdout
    assert "offered (OK)" in lines["TLS 1.2"] and "offered (OK)" in lines["TLS 1.3"], done.stdout
    # The scanner's many odd hellos did not break the server: a normal client still gets in.
    out = s_client(served.port("client_server"))
    assert "New, TLSv1.3, Cipher is TLS_" in out  # a TLS 1.3 suite: TLS 1.3 was negotiated
    code, out, _err = served.stop()
    assert code == 0


def test_http_only_answers_without_redirect(tls_project, serve):
    served = serve(tls_project(web__https_enabled=False, client_server__encryption=False, sql__tls_enabled=False))
    assert [item["role"] for item in served.ready["listeners"]] == ["web_http"]
    done = curl("-i", f"http://127.0.0.1:{served.port('web_http')}/")
    assert done.stdout.startswith("HTTP/1.1 200") and "DemoShop" in done.stdout
