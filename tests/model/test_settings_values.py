"""The written-out Settings class (tlsgui/model/settings_values.py) is fresh and behaves as the dataclass did."""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import pickle

import pytest

from tlsgui.model import settings_values
from tlsgui.model.options import OPTIONS
from tlsgui.model.settings import Settings, _SettingsBase

_spec = importlib.util.spec_from_file_location("build_settings", settings_values.__file__.replace(
    "tlsgui/model/settings_values.py", "packaging/build_settings.py"))
build_settings = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_settings)

# What tlsgui.model.settings made at every start before the class was written out.
Reference = dataclasses.make_dataclass(
    "Settings", [(o.key.replace(".", "_"), o.type, dataclasses.field(default=o.default)) for o in OPTIONS],
    bases=(_SettingsBase,), frozen=True)

CHANGED = {"web_http_port": 8080, "web_hsts_enabled": True, "tls_cipher_list": "ECDHE+AESGCM", "sql_tls_enabled": True}


def test_the_committed_module_is_what_the_generator_writes():
    committed = open(settings_values.__file__, encoding="utf-8").read()
    assert committed == build_settings.render(OPTIONS), "run `make ui` after changing OPTIONS"
    assert settings_values.FIELDS == tuple((o.key.replace(".", "_"), o.default) for o in OPTIONS)


@pytest.mark.parametrize("values", [{}, CHANGED])
def test_init_repr_eq_hash_as_the_dataclass(values):
    ours, ref = Settings(**values), Reference(**values)
    assert repr(ours) == repr(ref)
    assert ours.as_dict() == ref.as_dict()
    assert ours == Settings(**values) and hash(ours) == hash(Settings(**values))
    assert (ours == Settings()) == (ref == Reference()) and (ours != Settings()) == (ref != Reference())
    assert ours != ref  # another class, as two dataclasses never compare equal either
    positional = [values.get(name, default) for name, default in settings_values.FIELDS]
    assert Settings(*positional) == ours and Reference(*positional) == ref


def test_frozen_replace_copy_and_pickle():
    settings = Settings(**CHANGED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.web_http_port = 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        del settings.web_http_port
    with pytest.raises(TypeError):
        Settings(no_such_setting=1)
    changed = settings.replace(**{"web.https_port": 8443})
    assert type(changed) is Settings and changed.web_https_port == 8443 and settings.web_https_port == 443
    assert changed.changed_keys(settings) == ["web.https_port"]
    assert copy.deepcopy(settings) == settings == copy.copy(settings)
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert Settings.__match_args__ == Reference.__match_args__
