"""Each page driven through its widgets: change, undo, redo, save, and the files on disk afterwards."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QCheckBox, QLabel

from gui.conftest import tree_bytes, write_cert
from tlsgui.model.options import BY_KEY, OPTIONS
from tlsgui.pages.registry import PAGES

WEB = "com.4d/web/standalone_server/configuration"


def xml_attr(project, element, attribute):
    root = ET.parse(project / "Project" / "Sources" / "settings.4DSettings").getroot()
    return root.find(element).get(attribute)


def type_into(qtbot, editor, text):
    editor.selectAll()
    editor.del_()  # one edit, like a person selecting and deleting
    editor.textEdited.emit(editor.text())
    qtbot.keyClicks(editor, text)


def test_every_setting_has_a_named_labelled_editor(window):
    shown = set()
    for info in PAGES:
        cls = info.load()
        page = window.page(info.name)
        for key in cls.KEYS:
            option = BY_KEY[key]
            editor = page.editor(key)
            assert editor.objectName() == key.replace(".", "_")
            if isinstance(editor, QCheckBox):
                assert editor.text() == option.label
            else:
                labels = [lb for lb in page.findChildren(QLabel) if lb.buddy() is editor]
                assert [lb.text() for lb in labels] == [cls.LABELS.get(key, option.label)], key
            shown.add(key)
    assert shown == {o.key for o in OPTIONS}


def test_web_port_change_undo_redo_save(qtbot, window, demo):
    page = window.page("web")
    editor = page.editor("web.https_port")
    type_into(qtbot, editor, "9443")
    assert window.document.settings.web_https_port == 9443
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert window.document.settings.web_https_port == 8443 and editor.text() == "8443"
    window.redo_action.trigger()
    assert editor.text() == "9443"
    page.editor("web.https_enabled").click()
    window.save_action.trigger()
    assert xml_attr(demo, WEB, "https_port_number") == "9443"
    assert xml_attr(demo, WEB, "allow_ssl") == "true"
    assert not window.isWindowModified()
    assert page.findChild(QLabel, "web_https_port_source").text() == "from settings.4DSettings (structure)"


def test_letters_in_a_port_are_refused_with_a_message(qtbot, window, demo, prompts):
    before = tree_bytes(demo)
    page = window.page("web")
    type_into(qtbot, page.editor("web.http_port"), "80a")
    source = page.findChild(QLabel, "web_http_port_source").text()
    assert "'80a' is not a whole number" in source
    assert "web.http_port" in window.ui.diagnostics.keys()
    assert window.document.settings.web_http_port == 80  # the last valid value typed ("80") is kept
    window.save()
    assert prompts.errors and "not a whole number" in prompts.errors[-1][1]
    assert tree_bytes(demo) == before


def test_port_zero_and_70000(qtbot, window):
    page = window.page("web")
    type_into(qtbot, page.editor("web.https_port"), "0")
    assert "out of range" in page.findChild(QLabel, "web_https_port_source").text()
    type_into(qtbot, page.editor("web.https_port"), "70000")
    assert "out of range" in page.findChild(QLabel, "web_https_port_source").text()
    assert any("1 to 65535" in p.fix for p in window.document.problems if p.key == "web.https_port")
    type_into(qtbot, page.editor("web.http_port"), "0")  # 4D reads 0 as 80 for HTTP
    assert window.document.settings.web_http_port == 0 and "web.http_port" not in window.document.input_errors


def test_hsts_negative_absurd_and_presets(qtbot, window):
    page = window.page("web")
    editor = page.editor("web.hsts_max_age")
    type_into(qtbot, editor, "-5")
    assert "out of range" in page.findChild(QLabel, "web_hsts_max_age_source").text()
    type_into(qtbot, editor, "400000000")
    assert any("over ten years" in p.message for p in window.document.problems)
    page.findChild(QCheckBox, "web_hsts_enabled").click()
    page.ui.hsts_age_box.findChild(object, "hsts_preset_31536000").click()
    assert window.document.settings.web_hsts_max_age == 31536000
    assert editor.text() == "31536000"
    assert page.findChild(QLabel, "web_hsts_max_age_echo").text() == "= 1 year"
    assert "HSTS needs HTTPS" in page.ui.hsts_note.text()
    assert "web.hsts_enabled" in window.ui.diagnostics.keys()


def test_cipher_name_this_openssl_lacks_is_named(qtbot, window):
    window.show_page("tls")
    page = window.page("tls")
    type_into(qtbot, page.editor("tls.cipher_list"), "ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA")
    status = page.findChild(QLabel, "tls_cipher_list_status").text()
    assert "This OpenSSL cannot use 'DES-CBC3-SHA' (3DES), 'RC4-SHA' (RC4), weak suites it no longer" in status
    assert page.ui.cipher_box.suites.topLevelItemCount() == 1


def test_cipher_typo_is_flagged_as_you_type(qtbot, window):
    window.show_page("tls")
    page = window.page("tls")
    type_into(qtbot, page.editor("tls.cipher_list"), "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GMC-SHA384")
    status = page.findChild(QLabel, "tls_cipher_list_status").text()
    assert "does not know 'ECDHE-RSA-AES256-GMC-SHA384'" in status
    assert any(p.key == "tls.cipher_list" and "does not know" in p.message for p in window.document.problems)
    suites = page.ui.cipher_box.suites
    assert suites.topLevelItemCount() == 1
    row = suites.topLevelItem(0)
    assert (row.text(0), row.text(5), row.text(6)) == ("ECDHE-RSA-AES128-GCM-SHA256", "✓ yes", "✓ yes")
    assert page.ui.tls_profile.currentData() == "custom"


def test_profile_sets_version_and_ciphers_in_one_step(qtbot, window, demo):
    page = window.page("tls")
    combo = page.ui.tls_profile
    combo.setCurrentIndex(combo.findData("intermediate"))
    combo.activated.emit(combo.currentIndex())
    assert page.editor("tls.cipher_list").text().startswith("ECDHE-ECDSA-AES128-GCM-SHA256")
    rows = [page.ui.cipher_box.suites.topLevelItem(i) for i in range(page.ui.cipher_box.suites.topLevelItemCount())]
    assert rows and all(r.text(5) == "✓ yes" and r.text(6) == "✓ yes" for r in rows)
    assert "every suite uses ECDHE" in page.ui.forward_secrecy_status.text()
    combo.setCurrentIndex(combo.findData("modern"))
    combo.activated.emit(combo.currentIndex())
    assert page.editor("tls.min_version").currentData() == "1.3"
    window.undo_action.trigger()
    assert page.editor("tls.min_version").currentData() == "1.2"
    assert combo.currentData() == "intermediate"
    window.save()
    saved = json.loads((demo / "Project/Sources/tls-settings.json").read_text())["settings"]
    assert saved["tls.cipher_list"].startswith("ECDHE-ECDSA-AES128-GCM-SHA256")
    assert "SSL cipher list" in (demo / "Project/Sources/Methods/TLS_ApplySettings.4dm").read_text()


def test_client_server_page_saves_xml(window, demo):
    page = window.page("client_server")
    page.editor("client_server.encryption").click()
    combo = page.editor("client_server.legacy_network_layer")
    combo.setCurrentIndex(combo.findData(True))
    combo.activated.emit(combo.currentIndex())
    assert "Restart 4D Server" in page.ui.restart_note.text()
    assert window.save()
    assert xml_attr(demo, "com.4d/server/network/client_server", "use_encryption") == "true"
    assert xml_attr(demo, "com.4d/server/network/options", "use_legacy_network_layer") == "true"


def test_sql_page_sources_and_ssl_hint(window, demo):
    page = window.page("sql")
    assert page.findChild(QLabel, "sql_port_source").text() == "from settings.4DSettings (structure)"
    assert page.findChild(QLabel, "sql_tls_enabled_source").text() == "4D default (not stored)"
    page.editor("sql.tls_enabled").click()
    assert page.findChild(QLabel, "sql_tls_enabled_source").text() == "edited, saved to tls-settings.json"
    assert ":19812:ssl" in page.ui.sql_connect_note.text()
    page.editor("sql.launch_at_startup").click()
    assert window.save()
    assert xml_attr(demo, "com.4d/sql/publication", "launch_at_startup") == "true"
    assert json.loads((demo / "Project/Sources/tls-settings.json").read_text())["settings"]["sql.tls_enabled"] is True
    assert page.findChild(QLabel, "sql_tls_enabled_source").text() == "from tls-settings.json"


def test_certificates_page_shows_real_files(qtbot, open_window, demo, rsa_key):
    cert = write_cert(demo, rsa_key, days=90)
    done = subprocess.run([sys.executable, "-m", "tlsgui", "--worker", "dhparams", "--bits", "512",
                           "--allow-test-size"], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    (demo / "dhparams.pem").write_bytes(done.stdout)
    window = open_window(demo)
    page = window.page("certificates")
    qtbot.waitUntil(lambda: window.document.facts_complete)
    openssl = subprocess.run(["openssl", "x509", "-in", str(cert), "-noout", "-subject", "-ext", "subjectAltName"],
                             capture_output=True, text=True, check=True).stdout
    assert "CN = shop.example.com" in openssl and "DNS:www.shop.example.com" in openssl
    assert page.ui.cert_subject.text() == "CN=shop.example.com"
    assert page.ui.cert_names.text() == "shop.example.com, www.shop.example.com"
    assert page.ui.cert_key_type.text().startswith("RSA 2048 bits")
    assert "self-signed" in page.ui.files_cert.text() and "matches key.pem" in page.ui.files_cert.text()
    assert page.ui.cert_validity.days_left() in (89, 90)
    assert page.ui.files_dhparams.text() == "present, 512 bits"
    assert "files.dhparams" in window.ui.diagnostics.keys()
    assert page.ui.selfsigned_button.isEnabled() and page.ui.dhparams_button.isEnabled()


def test_hsts_presets_are_the_policy_thresholds():
    from tlsgui.policy import limits
    from tlsgui.widgets import hsts_age

    assert dict(hsts_age.PRESETS)["1 year"] == limits.ONE_YEAR
    assert dict(hsts_age.PRESETS)["2 years"] == limits.TWO_YEARS
    assert hsts_age.human_duration(86400 + 7200) == "1 day 2 hours"


def test_revert_drops_invalid_text(qtbot, window):
    page = window.page("sql")
    type_into(qtbot, page.editor("sql.port"), "19x")
    assert window.isWindowModified()
    window.revert_action.trigger()
    assert page.editor("sql.port").text() == "19812" and not window.isWindowModified()
    assert "sql.port" not in window.ui.diagnostics.keys()


def test_certificate_folder_edit_reads_the_files_there(qtbot, window, demo, rsa_key):
    folder = demo / "Certificates"
    folder.mkdir()
    write_cert(folder, rsa_key, names=("other.example.com",))
    page = window.page("certificates")
    type_into(qtbot, page.editor("web.certificate_folder"), "Certificates")
    qtbot.waitUntil(lambda: window.document.facts.cert is not None, timeout=5000)
    assert page.ui.cert_subject.text() == "CN=other.example.com"
    assert str(folder) in page.ui.tls_folder_note.text()


def test_http_off_note_and_undo(window):
    page = window.page("web")
    page.editor("web.http_enabled").click()
    assert "cannot be redirected to HTTPS" in page.ui.http_note.text()
    window.undo_action.trigger()
    assert page.editor("web.http_enabled").isChecked()
    assert "cannot be redirected" not in page.ui.http_note.text()
