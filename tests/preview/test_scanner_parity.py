"""Scanner parity: sslyze and testssl.sh agree with tlsgui's probe on `tlsgui serve`, configuration by configuration.

Every configuration is served once, by a real `tlsgui serve` on 127.0.0.1; testssl.sh runs once per configuration
(a narrow set of checks, three at a time, each bounded and its process group ended), sslyze scans all of them at
once in this process, and the probe checks the same listeners. The table is printed (`pytest -s`) and written to
parity.json in the module's temporary folder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tlsgui.policy.grade import predict_grade
from tlsgui.preview.plan import plan_for
from tlsgui.preview.probe import probe_plan
from tlsgui.preview.server import Listener
from tlsgui.project.facts import gather_facts
from tlsgui.project.store import load_project

from .conftest import make_tls_project
from .scanners import probe_view, run_testssl, sslyze_views, view_from_testssl

NULL_LIST = "AES128-SHA:NULL-SHA256:@SECLEVEL=0"
WEAK_LIST = "AES128-SHA:CAMELLIA128-SHA:ADH-AES128-SHA:@SECLEVEL=0"
NO_FS_LIST = "AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256"
HALF_YEAR = 182 * 86400

#: name -> (settings, needs ffdhe2048, roles scanned; testssl.sh scans the first)
CONFIGURATIONS = {
    "defaults": ({"web__hsts_enabled": False}, False, ("web_https",)),
    "ffdhe2048": ({"web__hsts_enabled": False}, True, ("web_https",)),
    "tls13_only": ({"web__hsts_enabled": False, "tls__min_version": "1.3"}, False, ("web_https",)),
    "no_ecdhe_dhe": ({"web__hsts_enabled": False, "tls__cipher_list": NO_FS_LIST}, False, ("web_https",)),
    "weak_list": ({"web__hsts_enabled": False, "tls__cipher_list": WEAK_LIST}, True, ("web_https",)),
    "null_list": ({"web__hsts_enabled": False, "tls__cipher_list": NULL_LIST}, False, ("web_https",)),
    "hsts_1_year": ({"web__hsts_max_age": 31536000}, False, ("web_https",)),
    "hsts_182_days": ({"web__hsts_max_age": HALF_YEAR}, False, ("web_https",)),
    "client_server_sql": ({"web__https_enabled": False, "web__hsts_enabled": False}, False, ("sql", "client_server")),
}


def _start_serve(root, ready, deadline: float) -> tuple[subprocess.Popen, dict]:
    process = subprocess.Popen([sys.executable, "-m", "tlsgui", "serve", str(root), "--ready-file", str(ready)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    while not ready.exists():
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}: {process.stderr.read().decode()}")
        assert time.monotonic() < deadline, "serve did not write its ready file in time"
        time.sleep(0.05)  # a bounded poll of the ready file, not a synchronisation by sleeping
    return process, json.loads(ready.read_text())


@pytest.fixture(scope="module")
def scans(tmp_path_factory, pki, ffdhe2048):
    folder = tmp_path_factory.mktemp("parity")
    processes: list[subprocess.Popen] = []
    targets, probes, jobs, grades, observed = {}, {}, {}, {}, {}
    pool = ThreadPoolExecutor(max_workers=3)
    try:
        deadline = time.monotonic() + 60
        served = {}
        for name, (settings, dh, roles) in CONFIGURATIONS.items():
            root = make_tls_project(folder / name / "Shop", pki, dhparams=ffdhe2048 if dh else None, **settings)
            process, ready = _start_serve(root, folder / name / "ready.json", deadline)
            processes.append(process)
            listeners = [Listener(**{k: item[k] for k in ("role", "host", "port", "tls", "configured_port", "note")})
                         for item in ready["listeners"]]
            served[name] = (root, listeners)
            port = {item.role: item.port for item in listeners}
            jobs[name] = pool.submit(run_testssl, port[roles[0]], folder / name / "testssl")
            for role in roles:
                targets[f"{name}/{role}"] = (port[role], role == "web_https")
        sslyze = sslyze_views(targets)
        for name, (root, listeners) in served.items():
            report = probe_plan(plan_for(root), listeners, None)
            project = load_project(root)
            grades[name] = predict_grade(project.settings, gather_facts(project))
            for role in CONFIGURATIONS[name][2]:
                probes[f"{name}/{role}"] = probe_view(report.listener(role))
                observed[f"{name}/{role}"] = report.listener(role).facts["grade"]
        testssl = {f"{name}/{CONFIGURATIONS[name][2][0]}": view_from_testssl(job.result()) for name, job in jobs.items()}
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            process.wait(timeout=20)
    table = {key: {"tlsgui": {**probes[key].row(), "predicted": _letter(grades[key.split("/")[0]].as_json()),
                              "observed": _letter(observed[key])}, "sslyze": sslyze[key].row(),
                   **({"testssl.sh": testssl[key].row()} if key in testssl else {})} for key in probes}
    (folder / "parity.json").write_text(json.dumps(table, indent=2))
    lines = [f"{'configuration/listener':<34} {'tool':<11} {'protocols':<10} suites  FS  {'HSTS':>9}  trusted  "
             "grade (predicted / observed)"]
    for key, tools in table.items():
        for tool, row in tools.items():
            grade = f"  {row['predicted']} / {row['observed']}" if "predicted" in row else ""
            lines.append(f"{key:<34} {tool:<11} {','.join(p[4:] for p in row['protocols']):<10} {row['suites']:>6} "
                         f"{row['forward_secret']:>3}  {row['hsts'] or '-':>9}  {'yes' if row['trusted'] else 'no':<7}"
                         + grade)
    print("\n" + "\n".join(lines))
    return probes, sslyze, testssl, grades, observed


def _letter(grade: dict) -> str:
    return grade["grade"] + (f" ({grade['if_trusted']} if trusted)" if grade["if_trusted"] else "")


KEYS = [f"{name}/{role}" for name, (_s, _d, roles) in CONFIGURATIONS.items() for role in roles]


@pytest.mark.parametrize("key", KEYS)
def test_scanners_agree_with_the_probe(scans, key):
    probes, sslyze, testssl, _grades, _observed = scans
    ours = probe_view_checked = probes[key]
    others = [sslyze[key]] + ([testssl[key]] if key in testssl else [])
    for view in others:
        for field in ("protocols", "suites", "forward_secret", "hsts", "leaf_sha256", "trusted"):
            assert getattr(view, field) == getattr(ours, field), (key, view.tool, field, getattr(view, field),
                                                                  getattr(probe_view_checked, field))


def test_each_configuration_shows_what_it_is_about(scans):
    probes, _sslyze, _testssl, _grades, _observed = scans
    # Not vacuous: the facts the configurations were made for are there, seen by all three tools.
    assert probes["defaults/web_https"].protocols == {"TLS 1.2", "TLS 1.3"}
    assert probes["tls13_only/web_https"].protocols == {"TLS 1.3"}
    assert "DHE-RSA-AES256-GCM-SHA384" in probes["ffdhe2048/web_https"].suites
    assert "DHE-RSA-AES256-GCM-SHA384" not in probes["defaults/web_https"].suites
    no_fs = probes["no_ecdhe_dhe/web_https"]
    assert no_fs.forward_secret == {s for s in no_fs.suites if s.startswith("TLS_")}  # only TLS 1.3 has it
    assert "ADH-AES128-SHA" in probes["weak_list/web_https"].suites
    assert "NULL-SHA256" in probes["null_list/web_https"].suites
    assert probes["hsts_1_year/web_https"].hsts == 31536000 and probes["hsts_182_days/web_https"].hsts == HALF_YEAR
    assert probes["defaults/web_https"].hsts is None
    assert probes["client_server_sql/sql"].leaf_sha256 == probes["client_server_sql/client_server"].leaf_sha256
    assert not any(view.trusted for view in probes.values())  # the test CA is nobody's root


@pytest.mark.parametrize("name", [name for name, (_s, _d, roles) in CONFIGURATIONS.items() if roles[0] == "web_https"])
def test_predicted_grade_is_the_grade_of_what_the_probe_observed(scans, name):
    _probes, _sslyze, _testssl, grades, observed = scans
    predicted, seen = grades[name], observed[f"{name}/web_https"]
    assert (predicted.grade, predicted.if_trusted) == (seen["grade"], seen["if_trusted"]), (predicted, seen)


def test_grades_follow_the_rating_guide(scans):
    _probes, _sslyze, _testssl, grades, _observed = scans
    # The chain's root is nobody's, so every letter is T; what it would be if trusted is the guide's.
    expected = {"defaults": "A", "ffdhe2048": "A", "tls13_only": "A", "no_ecdhe_dhe": "A", "weak_list": "F",
                "null_list": "F", "hsts_1_year": "A+", "hsts_182_days": "A+", "client_server_sql": ""}
    assert {name: grade.if_trusted for name, grade in grades.items()} == expected
    assert {grade.grade for name, grade in grades.items() if name != "client_server_sql"} == {"T"}
    assert grades["client_server_sql"].grade == "-"  # SSL Labs grades HTTPS; there is none
