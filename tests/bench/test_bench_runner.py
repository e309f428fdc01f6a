"""bench/run.py: it runs a benchmark in a child, reads its figures back, prints the table and the machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import run  # noqa: E402


def test_startup_figures_make_table_rows():
    figures = {"bare_ms": 204.0, "tlsgui_ms": 301.0, "ratio": 1.48, "pair_ratio": {"min": 1.3, "max": 1.7},
               "bare_cpu_ms": 100.0, "tlsgui_cpu_ms": 140.0, "cpu_ratio": 1.4, "bare_mib": 56.0, "tlsgui_mib": 70.0,
               "memory_ratio": 1.25}
    rows = run.table({"startup": {"figures": figures}})
    assert rows[0][1:] == ("301 ms", "204 ms bare window + 5 tabs", "1.48x (pairs 1.30-1.70)")
    assert rows[2][3] == "1.25x"


def test_runner_writes_figures_and_machine_facts(tmp_path):
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick", "--only", "crypto", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text())
    machine = results["machine"]
    assert machine["cores"] >= 1 and machine["python"] and "OpenSSL" in machine["cryptography_openssl"]
    assert machine["pyside6"] and machine["date"]
    keys = results["benches"]["crypto"]["figures"]["keys"]
    assert set(keys) == {"RSA 2048", "RSA 3072", "RSA 4096", "ECDSA P-256", "ECDSA P-384"}
    assert all(k["tlsgui_ms"]["median"] > 0 and k["cryptography_ms"]["n"] >= 2 for k in keys.values())
    assert "key generation RSA 4096 (median)" in done.stdout
