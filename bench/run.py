"""Run every benchmark in bench/ (`make bench`): one table on stdout, every figure in bench/results.json.

Each benchmark runs as its own child process (so one's imports and threads cannot colour another's
figures) and hands its figures back as JSON; bench/startup.py prints text, which is parsed here.
Usage: python bench/run.py [--quick]   (--quick: fewer samples, for a smoke test of the runner itself)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import child_env, machine_facts  # noqa: E402

RESULTS = HERE / "results.json"

# name -> (script, arguments, arguments with --quick); cheap first, so a slow machine shows something early.
BENCHES = {
    "crypto": ("crypto_ops.py", [], ["--scale", "0.3"]),
    "cli_check": ("cli_check.py", ["--runs", "7"], ["--runs", "3"]),
    "memory": ("memory.py", ["--runs", "5"], ["--runs", "2"]),
    "startup": ("startup.py", ["--runs", "10"], ["--runs", "2"]),
    "handshakes": ("handshakes.py", [], ["--seconds", "1"]),
    "probe": ("probe_speed.py", ["--runs", "5"], ["--runs", "1"]),
    "responsiveness": ("responsiveness.py", [], ["--rsa-keys", "2", "--dh-rounds", "1", "--baseline-seconds", "1",
                                                 "--py-seconds", "1", "--dh-seconds", "1"]),
    "acme": ("acme_issue.py", ["--runs", "5"], ["--runs", "1"]),
}


def parse_startup(text: str) -> dict:
    """bench/startup.py's printed medians (it is owned by the start-up work and has no JSON output)."""
    figures = {}
    for key, pattern in (("bare_ms", r"bare PySide6 QMainWindow:\s*median (\d+) ms"),
                         ("minimal_ms", r"one label:\s*(\d+) ms"),
                         ("tlsgui_ms", r"tlsgui main window:\s*median (\d+) ms"),
                         ("ratio", r"ratio:\s*([\d.]+)x"), ("runs", r"over (\d+) runs")):
        match = re.search(pattern, text)
        if match:
            figures[key] = float(match.group(1))
    return figures


def run_one(name: str, quick: bool, folder: Path) -> dict:
    script, args, quick_args = BENCHES[name]
    out = folder / f"{name}.json"
    argv = [sys.executable, str(HERE / script), *(quick_args if quick else args)]
    if name != "startup":
        argv += ["--json", str(out)]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=HERE.parent, capture_output=True, text=True, env=child_env())
    seconds = time.perf_counter() - started
    print(f"--- {script} ({seconds:.1f} s, exit {done.returncode})\n{done.stdout.rstrip()}", flush=True)
    if done.returncode and done.stderr:
        print(done.stderr.rstrip()[-3000:], file=sys.stderr)
    figures = parse_startup(done.stdout) if name == "startup" else (
        json.loads(out.read_text()) if out.exists() else {})
    # responsiveness.py exits 1 when a target is missed: its figures are still figures.
    return {"exit": done.returncode, "seconds": round(seconds, 1), "figures": figures}


def table(results: dict) -> list[tuple[str, str, str, str]]:
    """(measure, tlsgui, baseline, ratio or note) rows from whatever figures were produced."""
    rows = []
    get = lambda name: results.get(name, {}).get("figures", {})  # noqa: E731
    startup = get("startup")
    if startup.get("tlsgui_ms"):
        rows.append(("start-up to first paint (median)", f"{startup['tlsgui_ms']:.0f} ms",
                     f"{startup.get('bare_ms', 0):.0f} ms bare window", f"{startup.get('ratio', 0):.2f}x"))
    memory = get("memory")
    if memory:
        rows.append(("peak RSS, demo project", f"{memory['tlsgui_mib']} MiB", f"{memory['bare_mib']} MiB bare window",
                     f"{memory['ratio']:.2f}x"))
        rows.append(("peak RSS, certificate installed", f"{memory['installed_mib']} MiB", "same bare window",
                     f"{memory['installed_ratio']:.2f}x"))
    check = get("cli_check")
    if check:
        rows.append(("tlsgui check, cold process", f"{check['check_cold_ms']['median']} ms",
                     f"{check['python_pass_ms']['median']} ms python -c pass",
                     f"--version {check['version_ms']['median']} ms"))
        rows.append(("tlsgui check, cert installed, cold", f"{check['check_cold_installed_ms']['median']} ms", "", ""))
        rows.append(("tlsgui check, in-process", f"{check['check_in_process_ms']['median']} ms",
                     "", f"cert installed {check['check_in_process_installed_ms']['median']} ms"))
    crypto = get("crypto")
    for group, label in (("keys", "key generation"), ("csr", "CSR"), ("selfsigned", "self-signed cert")):
        for name, figure in crypto.get(group, {}).items():
            ours, theirs = figure["tlsgui_ms"], figure["cryptography_ms"]
            rows.append((f"{label} {name} (median)", f"{ours['median']} ms",
                         f"{theirs['median']} ms cryptography", f"spread {ours['min']}..{ours['max']} ms"))
    hands = get("handshakes")
    if hands:
        rows.append(("preview handshakes per second", f"{hands['preview_per_s']}/s",
                     f"{hands['plain_per_s']}/s plain ssl server", f"{hands['ratio']:.2f}x"))
    probe = get("probe")
    if probe:
        rows.append(("probe, one listener (median)", f"{probe['probe_ms']['median']} ms",
                     f"{probe['sslyze_ms']['median']} ms sslyze, same listener", f"{probe['ratio']:.2f}x faster"))
    phases = get("responsiveness").get("phases", {})
    if phases:
        base = phases.get("baseline", {})
        for name, label in (("rsa_thread", "GUI stall, RSA 4096 in a thread"),
                            ("dh_child", "GUI stall, DH in a child")):
            if name in phases:
                rows.append((f"{label} (max)", f"{phases[name]['max_ms']:.1f} ms",
                             f"{base.get('max_ms', 0):.1f} ms idle baseline", f"p99 {phases[name]['p99_ms']:.1f} ms"))
        cancels = phases.get("dh_child", {}).get("cancel_ms", [])
        if cancels:
            rows.append(("DH cancel -> child gone (max)", f"{max(cancels):.1f} ms", "", f"{len(cancels)} cancels"))
    rows += _acme_rows(get("acme"))
    return rows


def _acme_rows(acme: dict) -> list[tuple[str, str, str, str]]:
    if not acme.get("tlsgui_ms"):
        return []
    return [("ACME issue + install from Pebble (median)", f"{acme['tlsgui_ms']} ms",
             f"{acme['bare_ms']} ms bare acme library protocol", f"{acme['ratio']:.2f}x (target <= 1.5x)"),
            ("GUI thread during the wizard's ACME order (max gap, 10 ms ticks)", f"{acme['gui_max_gap_ms']} ms",
             f"{acme.get('gui_idle_max_gap_ms')} ms idle wizard", f"p99 {acme.get('gui_p99_gap_ms')} ms; "
                                                                  "target: stall <= 50 ms")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few samples: checks the runner, not the app")
    parser.add_argument("--only", nargs="*", choices=list(BENCHES), help="run only these benchmarks")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"where to write the figures (default {RESULTS})")
    args = parser.parse_args(argv)
    results = {"machine": machine_facts(), "quick": args.quick, "benches": {}}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tlsgui-bench-") as tmp:
        for name in args.only or BENCHES:
            results["benches"][name] = run_one(name, args.quick, Path(tmp))
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    rows = [("measure", "tlsgui", "baseline (same run)", "ratio / note")] + table(results["benches"])
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    machine = results["machine"]
    print(f"\ntlsgui {machine['tlsgui']} on {machine['cpu']} ({machine['usable_cores']} cores), Python "
          f"{machine['python']}, {machine.get('cryptography_openssl', '')}, PySide6 {machine.get('pyside6', '')}, "
          f"{machine['date']}, load {machine.get('load_average', '?')}")
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))
    failed = [name for name, item in results["benches"].items() if item["exit"]]
    print(f"\n{results['total_seconds']} s; figures in {args.out}" + (f"; exit != 0: {', '.join(failed)}" if failed
                                                                          else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
