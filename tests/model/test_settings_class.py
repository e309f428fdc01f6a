"""Settings is a frozen, typed dataclass whose fields are exactly the declared options, with their defaults."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from tlsgui.model.options import OPTIONS
from tlsgui.model.settings import Settings

CHANGED = {"web_http_port": 8080, "web_hsts_enabled": True, "tls_cipher_list": "ECDHE+AESGCM", "sql_tls_enabled": True}


def test_one_field_per_option_with_its_type_and_default():
    fields = dataclasses.fields(Settings)
    assert [f.name for f in fields] == [o.key.replace(".", "_") for o in OPTIONS]
    assert [f.type for f in fields] == [o.type.__name__ for o in OPTIONS]
    assert Settings().as_dict() == {o.key: o.default for o in OPTIONS}


def test_frozen_replace_copy_and_pickle():
    settings = Settings(**CHANGED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.web_http_port = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del settings.web_http_port
    with pytest.raises(TypeError):
        Settings(no_such_setting=1)  # type: ignore[call-arg]
    changed = settings.replace(**{"web.https_port": 8443})
    assert type(changed) is Settings and changed.web_https_port == 8443 and settings.web_https_port == 443
    assert changed.changed_keys(settings) == ["web.https_port"]
    assert copy.deepcopy(settings) == settings == copy.copy(settings)
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert hash(settings) == hash(Settings(**CHANGED)) and settings != Settings()


def test_replace_checks_values_against_the_declaration():
    from tlsgui.errors import TlsguiError

    with pytest.raises(TlsguiError, match="out of range"):
        Settings().replace(**{"web.http_port": 70000})
