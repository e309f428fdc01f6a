"""The settings commands as a user runs them: exit codes, stable JSON, and bad input writing nothing."""

import json

import pytest
from conftest import run_cli, tree_bytes


def test_check_json_is_stable(demo):
    done = run_cli("check", demo, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"format", "project", "ok", "4d_version", "problems", "grade", "notices"}
    assert data["format"] == 1 and data["ok"] is True and data["problems"] == []
    assert data["grade"] == {"grade": "-", "reasons": ["HTTPS is disabled: there is nothing to grade."],
                             "if_trusted": ""}


def test_check_exit_1_on_errors_with_words(demo):
    assert run_cli("settings", demo, "set", "web.https_enabled=true").returncode == 0
    (demo / "cert.pem").write_text("a certificate without its key\n")
    done = run_cli("check", demo)
    assert done.returncode == 1
    assert "error  web.https_enabled: HTTPS is enabled and cert.pem is in" in done.stdout
    data = json.loads(run_cli("check", demo, "--json").stdout)
    assert data["ok"] is False
    assert data["problems"][0] == {
        "severity": "error", "key": "web.https_enabled",
        "message": f"HTTPS is enabled and cert.pem is in {demo.resolve()}, but key.pem is missing: 4D cannot use "
                   "one without the other.",
        "fix": "Install the certificate and its key together (Certificates page), or remove the lone file.",
    }


def test_https_without_any_files_is_a_warning_not_an_error(demo):
    # 4D starts HTTPS with the certificate it ships with: a warning, exit 0.
    assert run_cli("settings", demo, "set", "web.https_enabled=true").returncode == 0
    done = run_cli("check", demo, "--json")
    assert done.returncode == 0, done.stdout
    data = json.loads(done.stdout)
    assert data["ok"] is True
    warning = next(p for p in data["problems"] if p["key"] == "web.https_enabled")
    assert warning["severity"] == "warning" and "4D uses its built-in certificate" in warning["message"]
    assert data["grade"]["grade"] == "T"


def test_check_exit_2_when_unreadable(demo, tmp_path):
    settings = demo / "Project/Sources/settings.4DSettings"
    settings.write_text(settings.read_text()[:200])
    done = run_cli("check", demo)
    assert done.returncode == 2
    assert "settings.4DSettings" in done.stderr and "cut short" in done.stderr
    assert "Traceback" not in done.stderr
    for path in (tmp_path / "missing", tmp_path):
        done = run_cli("check", path)
        assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "is not inside a 4D project" in run_cli("check", tmp_path).stderr


def test_settings_shows_values_and_sources(demo):
    done = run_cli("settings", demo)
    assert done.returncode == 0
    lines = {line.split()[0]: line for line in done.stdout.splitlines()}
    assert "8080" in lines["web.http_port"] and "settings.4DSettings (structure)" in lines["web.http_port"]
    assert "4D default" in lines["web.hsts_max_age"]
    data = json.loads(run_cli("settings", demo, "--json").stdout)
    assert data["settings"]["web.http_port"] == {
        "value": 8080, "source": "structure",
        "file": str(demo.resolve() / "Project/Sources/settings.4DSettings")}
    assert data["settings"]["tls.min_version"] == {"value": "1.2", "source": "default", "file": None}


def test_settings_set_changes_and_reports(demo):
    done = run_cli("settings", demo, "set", "web.https_port=9443", "web.hsts_max_age=31536000", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [p.rsplit("/", 1)[1] for p in data["written"]] == [
        "settings.4DSettings", "tls-settings.json", "TLS_ApplySettings.4dm"]
    assert 'https_port_number="9443"' in (demo / "Project/Sources/settings.4DSettings").read_text()
    again = run_cli("settings", demo, "set", "web.https_port=9443")
    assert again.returncode == 0 and "Nothing changed; no file was written." in again.stdout


@pytest.mark.parametrize("args, words", [
    (["web.htps_port=1"], "Unknown setting 'web.htps_port'"),
    (["web.https_port"], "has no '='"),
    (["web.https_port=abc"], "'abc' is not a whole number"),
    (["web.https_port=70000"], "70000 is out of range"),
    (["web.https_port=-1"], "-1 is out of range"),
    (["web.https_enabled=yes"], "'yes' is not a boolean"),
    (["tls.min_version=1.4"], "not one of the allowed values"),
    (["web.https_port=8443", "web.http_enabled=maybe"], "'maybe' is not a boolean"),
    ([], "Nothing to set"),
])
def test_settings_set_bad_input_writes_nothing(demo, args, words):
    before = tree_bytes(demo)
    done = run_cli("settings", demo, "set", *args)
    assert done.returncode == 2
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert tree_bytes(demo) == before


def test_settings_set_on_a_read_only_file(demo):
    target = demo / "Project/Sources/settings.4DSettings"
    target.chmod(0o444)
    try:
        before = tree_bytes(demo)
        done = run_cli("settings", demo, "set", "web.http_port=81")
        assert done.returncode == 2 and "read-only" in done.stderr
        assert tree_bytes(demo) == before
    finally:
        target.chmod(0o644)


def test_unknown_command_and_demo_into_non_empty_folder(demo):
    done = run_cli("frobnicate", demo)
    assert done.returncode == 2 and "unknown command" in done.stderr
    done = run_cli("demo", demo)
    assert done.returncode == 2 and "not empty" in done.stderr


def test_a_missing_project_path_does_not_open_a_window(tmp_path):
    done = run_cli(tmp_path / "nowhere")
    assert done.returncode == 2
    assert "neither a command nor an existing project folder" in done.stderr


def test_selfsigned_says_where_the_application_server_reads_its_files_per_release(demo):
    assert run_cli("settings", demo, "set", "client_server.encryption=true", "project.4d_version=20").returncode == 0
    done = run_cli("selfsigned", demo, "--cn", "localhost")
    assert done.returncode == 0, done.stderr
    assert ("note: Client-server encryption on 4D 20 reads key.pem and cert.pem in the Resources folder of the 4D "
            "Server application (and of each remote 4D): copy them there") in done.stdout
    assert run_cli("settings", demo, "set", "project.4d_version=20R4").returncode == 0
    (demo.parent / "for-clients").mkdir()
    done = run_cli("export", demo, demo.parent / "for-clients")
    assert done.returncode == 0, done.stderr
    assert "note: Client-server encryption on 4D 20 R4: files not needed: 4D configures TLS at start-up." in done.stdout


def test_remote_mode_web_section_is_shown_with_its_source(tmp_path):
    from corpus import copy_project

    root = copy_project("JPods__WebClerk19", tmp_path)
    data = json.loads(run_cli("settings", root, "--json").stdout)
    assert data["remote_web"] == {"allow_ssl": {"value": "false", "source": "structure",
                                                "file": str(root.resolve() / "Project/Sources/settings.4DSettings")}}
    text = run_cli("settings", root).stdout
    assert "Web server of 4D in remote mode (web/remote/configuration, read-only):" in text
    assert "Enable HTTPS allow_ssl='false'  settings.4DSettings (structure)" in text


def test_cipher_list_openssl_cannot_fully_use_is_refused_and_writes_nothing(demo):
    # Defect 6: `settings set tls.cipher_list=…:DES-CBC3-SHA` printed an error, wrote the file and exited 0.
    before = tree_bytes(demo)
    done = run_cli("settings", demo, "set", "tls.cipher_list=ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "cannot use 'DES-CBC3-SHA' (3DES)" in done.stderr and "--force" in done.stderr
    assert "Traceback" not in done.stderr and tree_bytes(demo) == before
    done = run_cli("settings", demo, "set", "tls.cipher_list=ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GMC-SHA256")
    assert done.returncode == 2 and "does not know 'ECDHE-RSA-AES128-GMC-SHA256'" in done.stderr
    assert tree_bytes(demo) == before
    done = run_cli("settings", demo, "set", "tls.cipher_list=ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA", "--force")
    assert done.returncode == 0 and "wrote " in done.stdout
    assert "cannot use 'DES-CBC3-SHA' (3DES)" in done.stdout  # still said, as a problem
    assert tree_bytes(demo) != before
