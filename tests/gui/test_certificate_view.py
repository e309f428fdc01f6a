"""The Certificates page's chain tree on one timeline, and the certificate details dialog."""

from __future__ import annotations

import subprocess

from gui.conftest import write_cert


def _openssl(*args, cwd):
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, cwd=cwd)


def _chain(folder, demo):
    """root → intermediate → server, made by the openssl command line; cert.pem = server + intermediate + root."""
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    (folder / "ca.ext").write_text("basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n")
    (folder / "leaf.ext").write_text("basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\n"
                                     "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:shop.example.com,IP:127.0.0.1\n")
    _openssl("req", "-x509", *ec, "-days", "3650", "-subj", "/O=Example Trust/CN=Example Root CA",
             "-addext", "basicConstraints=critical,CA:true", "-keyout", "root.key", "-out", "root.pem", cwd=folder)
    _openssl("req", *ec, "-subj", "/CN=Example TLS CA 1", "-keyout", "int.key", "-out", "int.csr", cwd=folder)
    _openssl("x509", "-req", "-in", "int.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
             "-days", "1825", "-extfile", "ca.ext", "-out", "int.pem", cwd=folder)
    _openssl("req", *ec, "-subj", "/CN=shop.example.com/emailAddress=admin@example.com", "-keyout", "leaf.key",
             "-out", "leaf.csr", cwd=folder)
    _openssl("x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial",
             "-days", "90", "-extfile", "leaf.ext", "-out", "leaf.pem", cwd=folder)
    (demo / "cert.pem").write_bytes(b"".join((folder / n).read_bytes() for n in ("leaf.pem", "int.pem", "root.pem")))
    (demo / "key.pem").write_bytes((folder / "leaf.key").read_bytes())
    (demo / "key.pem").chmod(0o600)


def _openssl_out(*args, data: bytes) -> str:
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout.decode()


def test_chain_tree_root_to_server_on_one_timeline(qtbot, open_window, demo, tmp_path):
    _chain(tmp_path, demo)
    window = open_window(demo)
    window.show_page("certificates")
    page = window.page("certificates")
    qtbot.waitUntil(lambda: len(window.document.facts.chain) == 3, timeout=5000)
    view = page.ui.chain_view
    assert page.ui.cert_chain.text() == "3 certificates in cert.pem"
    root = view.topLevelItem(0)
    intermediate = root.child(0)
    leaf = intermediate.child(0)
    assert root.text(0) == "Root: Example Root CA"
    assert intermediate.text(0) == "Intermediate: Example TLS CA 1"
    assert leaf.text(0) == "Server: shop.example.com" and view.currentItem() is leaf
    # One shared time axis: the root's bar spans the longest, the server's starts today and is shortest.
    from tlsgui.widgets.chain_view import SPAN_ROLE

    spans = [item.data(1, SPAN_ROLE) for item in (root, intermediate, leaf)]
    assert spans[0][1] == 1.0 and spans[2][1] < spans[1][1] < spans[0][1]
    assert all(0.0 <= span[2] <= 0.01 for span in spans)  # today: the start of all three
    assert leaf.text(1).startswith("✔ valid ") and leaf.text(1).endswith(("89 days left", "90 days left"))
    from PySide6.QtCore import Qt

    assert leaf.data(1, Qt.ItemDataRole.AccessibleTextRole) == leaf.text(1)[2:]  # a screen reader hears it
    assert "emailAddress=admin@example.com" in page.ui.cert_subject.text()
    assert "1.2.840.113549" not in page.ui.cert_subject.text()  # the OID by name


def test_details_dialog_fields_match_openssl_and_export(qtbot, open_window, demo, tmp_path, prompts):
    _chain(tmp_path, demo)
    window = open_window(demo)
    window.show_page("certificates")
    page = window.page("certificates")
    qtbot.waitUntil(lambda: len(window.document.facts.chain) == 3, timeout=5000)
    page.ui.details_button.click()
    dialog = window.certificate_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Certificate — shop.example.com"
    leaf_pem = (tmp_path / "leaf.pem").read_bytes()
    fingerprint = _openssl_out("x509", "-noout", "-fingerprint", "-sha256", data=leaf_pem).split("=", 1)[1].strip()
    serial = _openssl_out("x509", "-noout", "-serial", data=leaf_pem).split("=", 1)[1].strip()
    assert dialog.value("SHA-256 fingerprint") == fingerprint
    assert dialog.value("Serial number").replace(":", "") == serial  # openssl prints whole bytes, as we do
    assert dialog.value("Subject") == "emailAddress=admin@example.com,CN=shop.example.com"
    assert dialog.value("Issuer") == "CN=Example TLS CA 1"
    assert dialog.value("Public key") == "ECDSA secp256r1 (256 bits)"
    assert dialog.value("Names (SANs)") == "DNS:shop.example.com, IP:127.0.0.1"
    assert dialog.value("Key usage") == "Digital signature, TLS server (serverAuth)"
    extensions = dialog.tree.topLevelItem(dialog.tree.topLevelItemCount() - 1)
    names = [extensions.child(i).text(0) for i in range(extensions.childCount())]
    assert "basicConstraints (critical)" in names and "keyUsage (critical)" in names
    # Copy: the PEM on the clipboard is the certificate openssl reads.
    dialog.copy_pem()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().encode() == leaf_pem.replace(b"\r\n", b"\n")
    # Export as DER (by the name's suffix) and as PEM; openssl reads both back to the same fingerprint.
    der, pem = tmp_path / "out" / "shop.der", tmp_path / "out" / "shop.pem"
    der.parent.mkdir()
    prompts.save_answers = [str(der), str(pem)]
    assert dialog.export() == str(der) and dialog.export() == str(pem)
    for path, form in ((der, "DER"), (pem, "PEM")):
        out = subprocess.run(["openssl", "x509", "-inform", form, "-in", str(path), "-noout", "-fingerprint",
                              "-sha256"], capture_output=True, text=True, check=True).stdout
        assert out.split("=", 1)[1].strip() == fingerprint
    # The root's details from its row (double-click / Enter).
    page.ui.chain_view.itemActivated.emit(page.ui.chain_view.topLevelItem(0), 0)
    assert window.certificate_dialog.value("Subject") == "CN=Example Root CA,O=Example Trust"
    window.certificate_dialog.reject()


def test_self_signed_single_certificate(qtbot, open_window, demo, rsa_key):
    write_cert(demo, rsa_key)
    window = open_window(demo)
    window.show_page("certificates")
    page = window.page("certificates")
    qtbot.waitUntil(lambda: len(window.document.facts.chain) == 1, timeout=5000)
    assert page.ui.cert_chain.text() == "1 certificate in cert.pem"
    assert page.ui.chain_view.topLevelItemCount() == 1
    assert page.ui.chain_view.topLevelItem(0).text(0) == "Server (self-signed): shop.example.com"
