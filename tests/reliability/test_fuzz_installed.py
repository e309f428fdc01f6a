"""Fuzzing what the app reads from a project's TLS folder (cert.pem, key.pem, dhparams.pem edited by hand or
damaged): reading the facts never raises, a problem becomes words, and nothing is written."""

from __future__ import annotations

import pytest
from conftest import tree_bytes
from hypothesis import given
from hypothesis import strategies as st

from reliability.test_fuzz_importer import SEEDS, mutated, mutated_dh
from tlsgui.project.facts import gather_facts
from tlsgui.project.store import load_project


@pytest.fixture
def installed(demo):
    """The demo project with a working key.pem, cert.pem (leaf + intermediate) and dhparams.pem."""
    from tlsgui.crypto.dhparams import group_pem

    (demo / "cert.pem").write_bytes(SEEDS["chain.pem"])
    (demo / "key.pem").write_bytes(SEEDS["key-traditional.pem"])
    (demo / "dhparams.pem").write_bytes(group_pem("ffdhe2048"))
    return demo


def test_installed_files_damaged_in_any_way_give_words(installed):
    from hypothesis import settings as hsettings

    project = load_project(installed)
    originals = {name: (installed / name).read_bytes() for name in ("cert.pem", "key.pem", "dhparams.pem")}
    facts = gather_facts(project)
    assert facts.cert is not None and facts.cert.matches_key and facts.dh_bits == 2048

    @hsettings(max_examples=hsettings().max_examples // 2)
    @given(st.sampled_from(["cert.pem", "key.pem", "dhparams.pem"]), mutated(), mutated_dh())
    def run(name, sample, dh):
        for other, data in originals.items():
            (installed / other).write_bytes(data)
        (installed / name).write_bytes(dh if name == "dhparams.pem" else sample[0])
        before = tree_bytes(installed)
        facts = gather_facts(project)
        if facts.cert is None and facts.cert_present:
            assert facts.cert_error.strip()
        assert tree_bytes(installed) == before

    run()
