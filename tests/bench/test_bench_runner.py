"""bench/run.py: it runs a benchmark in a child, reads its figures back, prints the table and the machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import run  # noqa: E402


def test_startup_text_is_parsed():
    # The lines bench/startup.py prints (it has no JSON output of its own).
    text = ("bare PySide6 QMainWindow: median 204 ms over 10 runs\n"
            "  for context, + Qt enums + one label: 253 ms (1.24x)\n"
            "tlsgui main window:       median 301 ms over 10 runs\n"
            "ratio: 1.48x (target <= 1.5x) OK\n")
    assert run.parse_startup(text) == {"bare_ms": 204, "minimal_ms": 253, "tlsgui_ms": 301, "ratio": 1.48,
                                       "runs": 10}


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
