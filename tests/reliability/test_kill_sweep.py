"""Kill sweep: each writing command SIGKILLed at its n-th rename, fsync and write leaves a consistent project.

`make test` (and CI) sample the kill points (every rename, every other fsync, every third write); `make fuzz`
(TLSGUI_KILL_SWEEP=full) runs every one. Counts are in docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from crypto.conftest import make_cert, pem
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reliability.kill_sweep import SETTINGS, Scenario, sweep, tlsgui

FULL = os.environ.get("TLSGUI_KILL_SWEEP") == "full"

pytestmark = pytest.mark.killsweep
STEPS = {"rename": 1, "renameat": 1, "renameat2": 1, "fsync": 2, "write": 3}  # the sample `make test` runs


def sample(syscall: str, total: int) -> list[int]:
    return list(range(1, total + 1, STEPS[syscall]))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    return {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def base(tmp_path_factory, env):
    """A demo project with a development certificate installed (the "old" pair)."""
    root = tmp_path_factory.mktemp("base")
    assert tlsgui("demo", root / "P", cwd=root, env=env).returncode == 0
    assert tlsgui("selfsigned", root / "P", "--type", "ecdsa", cwd=root, env=env).returncode == 0
    return root


def _template(tmp_path_factory, base, name):
    folder = tmp_path_factory.mktemp(name)
    shutil.copytree(base, folder, dirs_exist_ok=True, symlinks=True)
    return folder


def _scenarios(tmp_path_factory, base, env):
    out = []
    # install: a CA-issued certificate for the project's pending key (the pair changes, the pending key goes)
    install = _template(tmp_path_factory, base, "install")
    from tlsgui.project.locate import ProjectPaths
    from tlsgui.project.pending import save_pending_key

    key = ec.generate_private_key(ec.SECP256R1())
    save_pending_key(ProjectPaths(install / "P"), key)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = make_cert("Sweep CA", ca_key.public_key(), None, ca_key, ca=True)
    leaf = make_cert("localhost", key.public_key(), ca_cert, ca_key, sans=("localhost",))
    (install / "leaf.pem").write_bytes(pem(leaf) + pem(ca_cert))
    pending = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    out.append((Scenario("install", install, ("install", "{P}", str(install / "leaf.pem"))), pending))
    # selfsigned: a new development pair
    out.append((Scenario("selfsigned", _template(tmp_path_factory, base, "selfsigned"),
                         ("selfsigned", "{P}", "--type", "ecdsa")), None))
    # settings set touching the XML, the sidecar and the method file (three files)
    settings = _template(tmp_path_factory, base, "settings")
    out.append((Scenario("settings", settings, ("settings", "{P}", "set", "web.https_port=9443",
                                                "tls.min_version=1.3"),
                         watched=tuple(f"P/{name}" for name in SETTINGS)), None))
    # backups --restore: the first pair back over the second
    restore = _template(tmp_path_factory, base, "restore")
    assert tlsgui("selfsigned", restore / "P", "--type", "ecdsa", cwd=restore, env=env).returncode == 0
    listing = json.loads(tlsgui("backups", restore / "P", "--json", cwd=restore, env=env).stdout)
    first = listing["backups"][-1]["id"]
    out.append((Scenario("restore", restore, ("backups", "{P}", "--restore", first),
                         watched=("P/key.pem", "P/cert.pem")), None))
    # export over an earlier export of another pair
    export = _template(tmp_path_factory, base, "export")
    (export / "E").mkdir()
    assert tlsgui("export", export / "P", export / "E", cwd=export, env=env).returncode == 0
    assert tlsgui("selfsigned", export / "P", "--type", "ecdsa", cwd=export, env=env).returncode == 0
    out.append((Scenario("export", export, ("export", "{P}", "{E}", "--force"),
                         watched=("E/key.pem", "E/cert.pem")), None))
    return out


def test_kill_sweep_leaves_every_project_consistent(tmp_path_factory, base, env):
    report = {}
    failures = []
    for scenario, pending in _scenarios(tmp_path_factory, base, env):
        work = tmp_path_factory.mktemp(f"sweep-{scenario.name}")
        outcomes, counts = sweep(scenario, work, env, chooser=None if FULL else sample, pending=pending)
        killed = sum(o.killed for o in outcomes)
        report[scenario.name] = {"counts": counts, "runs": len(outcomes), "killed": killed,
                                 "inconsistent": sum(bool(o.problems) for o in outcomes)}
        failures += [f"{o.scenario} {o.syscall} #{o.n}: {p}" for o in outcomes for p in o.problems]
        assert killed >= len(outcomes) - 2, f"{scenario.name}: most injections must really kill ({killed})"
    print("\nkill sweep:", json.dumps(report))
    assert not failures, "\n".join(failures[:40])
