"""Option declarations: one place per key, and the wrong inputs a person really types."""

import dataclasses

import pytest

from tlsgui.errors import TlsguiError
from tlsgui.model.options import BY_KEY, OPTIONS, Storage, option
from tlsgui.model.settings import Settings

DESIGN_KEYS = {
    "web.http_enabled", "web.http_port", "web.https_enabled", "web.https_port", "web.listening_address",
    "web.certificate_folder", "client_server.encryption", "client_server.port",
    "client_server.legacy_network_layer", "sql.launch_at_startup", "sql.port",
    "web.hsts_enabled", "web.hsts_max_age", "tls.min_version", "tls.cipher_list", "sql.tls_enabled",
}


def test_every_design_key_is_declared_once_with_words():
    assert DESIGN_KEYS <= set(BY_KEY)
    assert len(BY_KEY) == len(OPTIONS)
    for opt in OPTIONS:
        assert opt.label and opt.help and opt.page in ("web", "client_server", "sql", "tls")
        assert isinstance(opt.default, opt.type)


def test_xml_keys_match_design_table():
    xml = {o.key: (o.xml.element, o.xml.attribute) for o in OPTIONS if o.storage is Storage.XML}
    assert xml["web.http_enabled"] == ("web/standalone_server/configuration", "allowHttp")
    assert xml["web.https_enabled"] == ("web/standalone_server/configuration", "allow_ssl")
    assert xml["client_server.encryption"] == ("server/network/client_server", "use_encryption")
    assert xml["client_server.port"] == ("server/network/options", "publication_port")
    assert xml["sql.port"] == ("sql/publication", "port_number")
    assert {"web.hsts_enabled", "tls.min_version", "tls.cipher_list", "sql.tls_enabled"}.isdisjoint(xml)


def test_defaults_are_4ds():
    s = Settings()
    assert (s.web_http_port, s.web_https_port, s.client_server_port, s.sql_port) == (80, 443, 19813, 19812)
    assert s.web_hsts_max_age == 63072000 and s.tls_min_version == "1.2" and not s.web_hsts_enabled


@pytest.mark.parametrize("key, text, value", [
    ("web.http_enabled", "true", True), ("web.http_enabled", " FALSE ", False),
    ("web.https_port", "8443", 8443), ("web.http_port", "0", 0), ("tls.min_version", "1.3", "1.3"),
    ("web.listening_address", "127.0.0.1", "127.0.0.1"), ("web.listening_address", "::1", "::1"),
    ("web.host_names", "www.example.com, example.com", "www.example.com, example.com"),
])
def test_good_values(key, text, value):
    assert option(key).parse(text) == value


@pytest.mark.parametrize("key, text, words", [
    ("web.http_enabled", "yes", "is not a boolean"),
    ("web.http_enabled", "1", "is not a boolean"),
    ("web.https_port", "abc", "is not a whole number"),
    ("web.https_port", "-1", "out of range"),
    ("web.https_port", "70000", "out of range"),
    ("web.https_port", "0", "out of range"),
    ("web.https_port", "84.5", "is not a whole number"),
    ("web.https_port", "", "is not a whole number"),
    ("web.hsts_max_age", "-5", "out of range"),
    ("tls.min_version", "1.4", "not one of the allowed values"),
    ("tls.min_version", "TLSv1.2", "not one of the allowed values"),
    ("web.listening_address", "my-server", "is not an IP address"),
    ("web.host_names", "www.exa mple.com", "not a host name"),
    ("web.host_names", "http://example.com", "not a host name"),
])
def test_wrong_values_name_the_key_and_a_fix(key, text, words):
    with pytest.raises(TlsguiError) as caught:
        option(key).parse(text)
    assert words in caught.value.message
    assert caught.value.where == key


def test_unknown_key_lists_known_ones():
    with pytest.raises(TlsguiError, match="Unknown setting 'web.htps_port'") as caught:
        option("web.htps_port")
    assert "web.https_port" in caught.value.fix


def test_settings_are_frozen_and_replace_checks():
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.web_http_port = 1  # type: ignore[misc]
    assert s.replace(**{"web.http_port": 8080}).web_http_port == 8080
    with pytest.raises(TlsguiError):
        s.replace(**{"web.http_port": 70000})
    assert s.replace(**{"web.http_port": 8080}).changed_keys(s) == ["web.http_port"]
