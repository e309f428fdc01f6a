"""The key type `tlsgui acme` picks for real 4D projects (corpus copied to tmp_path), from their 4D version."""

from __future__ import annotations

import pytest
from corpus import CORPUS, copy_project

from tlsgui.acme.request import default_key_type, key_type_warning
from tlsgui.project.store import load_project


@pytest.mark.parametrize("name, expected", [
    ("KirkBrooks__4DHH_vector_demo", "ecdsa"),  # compatibilityVersion 2100: 21, ECDSA since 20 R4
    ("ThomasMaul__EA_Invoices", "rsa"),  # 1830: 18 R3
    ("costasmano__normal", "rsa"),  # 1980, and the legacy network layer on
])
def test_key_type_of_real_projects(tmp_path, name, expected):
    assert (CORPUS / name).is_dir(), f"corpus project {name} not found under {CORPUS}"
    project = copy_project(name, tmp_path)
    loaded = load_project(project)
    assert default_key_type(loaded) == expected
    warning = key_type_warning(loaded, "ecdsa")
    assert bool(warning) == (expected == "rsa")


@pytest.mark.parametrize("name, words", [
    ("KirkBrooks__4DHH_vector_demo", "only the web server needs the restart"),  # 21: dynamic TLS since 20 R4
    ("ThomasMaul__EA_Invoices", "restart 4D Server"),  # 18 R3: every server reads the files
])
def test_what_4d_needs_after_a_renewal(tmp_path, name, words):
    from tlsgui.acme.request import reload_words

    project = copy_project(name, tmp_path)
    text = reload_words(load_project(project))
    assert "WEB STOP SERVER" in text and words in text
