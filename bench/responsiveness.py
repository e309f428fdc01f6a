"""Responsiveness benchmark: GUI-thread heartbeat lateness while keys and DH parameters are generated.

Run: `python bench/responsiveness.py` (offscreen; no window is shown). A 10 ms QTimer on the GUI thread
records how late each beat is, in phases run one after another in the same process:

  baseline     no work at all (the machine's own noise)
  rsa_thread   RSA 4096 keys generated through TaskRunner (a QThreadPool thread)
  py_thread    a pure-Python CPU loop through TaskRunner (holds the GIL between switches: the contrast)
  dh_child     2048-bit custom DH parameters through DhParamsJob (a child process), cancelled after a
               few seconds; also measures cancel latency: from cancel() to the child's pid being gone
  dh_complete  (with --dh-complete) one 2048-bit generation to the end: the check and the atomic write

Prints max / p99 / mean stall per phase and the cancel latencies; exit 0 when the targets hold
(max stall < 50 ms in every working phase, every cancel < 200 ms), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The DH child runs `python -m tlsgui`; make the package importable for it too, installed or not.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

import cryptography  # noqa: E402
import PySide6  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tlsgui.workers.dhparams_job import DhParamsJob  # noqa: E402
from tlsgui.workers.tasks import TaskRunner  # noqa: E402

BEAT_MS = 10
TARGET_MAX_STALL_MS = 50.0
TARGET_CANCEL_MS = 200.0


class Heartbeat:
    """A 10 ms precise timer; each beat's lateness (actual interval minus 10 ms) goes to the current phase."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.phases: dict[str, list[float]] = {}
        self._current: list[float] | None = None
        self._last = 0.0

    def begin(self, name: str) -> None:
        self._current = self.phases.setdefault(name, [])
        self._last = time.perf_counter()
        if not self.timer.isActive():
            self.timer.start()

    def end(self) -> None:
        self._current = None

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self._current.append(max(0.0, (now - self._last) * 1000.0 - BEAT_MS))
        self._last = now


def run_loop(start, timeout_s: float) -> None:
    """Run the event loop until `start(done)` calls done(), or the bound expires (then the phase is cut)."""
    loop = QEventLoop()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    start(loop.quit)
    loop.exec()


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {"beats": 0, "max_ms": 0.0, "p99_ms": 0.0, "mean_ms": 0.0}
    p99 = ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]
    return {"beats": len(ordered), "max_ms": round(ordered[-1], 2), "p99_ms": round(p99, 2),
            "mean_ms": round(sum(ordered) / len(ordered), 2)}


def phase_baseline(beat: Heartbeat, seconds: float) -> dict:
    beat.begin("baseline")
    run_loop(lambda done: QTimer.singleShot(int(seconds * 1000), done), seconds + 5)
    beat.end()
    return {}


def phase_rsa_thread(beat: Heartbeat, runner: TaskRunner, keys: int) -> dict:
    from cryptography.hazmat.primitives.asymmetric import rsa

    durations: list[float] = []

    def generate(token, progress):
        began = time.perf_counter()
        rsa.generate_private_key(public_exponent=65537, key_size=4096)
        return time.perf_counter() - began

    def start(done):
        def next_key(result=None):
            if result is not None:
                durations.append(round(result, 2))
            if len(durations) >= keys:
                runner.task_finished.disconnect(next_key)
                done()
            else:
                runner.submit(generate)
        runner.task_finished.connect(next_key)
        next_key()

    beat.begin("rsa_thread")
    run_loop(start, 120)
    beat.end()
    return {"keys": len(durations), "seconds_per_key": durations}


def phase_py_thread(beat: Heartbeat, runner: TaskRunner, seconds: float) -> dict:
    def spin(token, progress):
        deadline = time.perf_counter() + seconds
        n = 0
        while time.perf_counter() < deadline:
            n += sum(range(1000))  # pure Python: holds the GIL except at the interpreter's switch points
        return n

    def start(done):
        runner.task_finished.connect(lambda _r: done())
        runner.submit(spin)

    beat.begin("py_thread")
    run_loop(start, seconds + 30)
    beat.end()
    runner.task_finished.disconnect()
    return {"switch_interval_ms": sys.getswitchinterval() * 1000}


def pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def phase_dh_child(beat: Heartbeat, rounds: int, seconds: float) -> dict:
    """Start 2048-bit generations and cancel each after `seconds`; a lucky early success is reported too."""
    latencies: list[float] = []
    outcomes: list[str] = []
    leftovers: list[str] = []
    job = DhParamsJob()
    job.job_succeeded.connect(lambda _pem: outcomes.append("succeeded before the cancel"))
    job.job_failed.connect(lambda message: outcomes.append(f"failed: {message}"))
    beat.begin("dh_child")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            def start(done):
                job.start_generation(2048, Path(folder))
                QTimer.singleShot(int(seconds * 1000), done)
            run_loop(start, seconds + 5)
            if not job.running:  # safe primes are luck: it may finish early; nothing to cancel then
                continue
            pid = job.pid
            began = time.perf_counter()
            job.cancel()
            while not pid_gone(pid) and time.perf_counter() - began < 5:
                pass
            latencies.append(round((time.perf_counter() - began) * 1000, 2))
            outcomes.append("cancelled")
            leftovers += os.listdir(folder)  # after a cancel the folder must stay empty
    # A few more beats after the last cancel, so a stall caused by cancel() itself is counted.
    run_loop(lambda done: QTimer.singleShot(300, done), 5)
    beat.end()
    return {"rounds": rounds, "seconds_before_cancel": seconds, "cancel_ms": latencies,
            "outcomes": outcomes, "files_left": sorted(leftovers)}


def phase_dh_complete(beat: Heartbeat, limit_s: float) -> dict:
    """One 2048-bit generation to the end (about a minute): covers the check and the write of dhparams.pem."""
    outcome: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        job = DhParamsJob()
        job.job_succeeded.connect(lambda _pem: outcome.append("succeeded"))
        job.job_failed.connect(lambda message: outcome.append(f"failed: {message}"))

        def start(done):
            job.job_succeeded.connect(lambda _pem: done())
            job.job_failed.connect(lambda _m: done())
            job.start_generation(2048, Path(folder))

        beat.begin("dh_complete")
        run_loop(start, limit_s)
        run_loop(lambda done: QTimer.singleShot(300, done), 5)
        beat.end()
        if job.running:
            job.cancel()
            outcome.append(f"cut after {limit_s:.0f} s")
        files = sorted(os.listdir(folder))
    return {"outcome": outcome, "seconds": round(job.elapsed_ms() / 1000, 1), "files": files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-seconds", type=float, default=3.0)
    parser.add_argument("--rsa-keys", type=int, default=5, help="RSA 4096 keys generated one after another")
    parser.add_argument("--py-seconds", type=float, default=2.0)
    parser.add_argument("--dh-rounds", type=int, default=3, help="DH generations started and cancelled")
    parser.add_argument("--dh-seconds", type=float, default=3.0, help="how long each DH generation runs")
    parser.add_argument("--dh-complete", action="store_true",
                        help="also let one 2048-bit generation finish (about a minute): the success path")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    beat = Heartbeat()
    runner = TaskRunner()
    details = {
        "baseline": phase_baseline(beat, args.baseline_seconds),
        "rsa_thread": phase_rsa_thread(beat, runner, args.rsa_keys),
        "py_thread": phase_py_thread(beat, runner, args.py_seconds),
        "dh_child": phase_dh_child(beat, args.dh_rounds, args.dh_seconds),
    }
    if args.dh_complete:
        details["dh_complete"] = phase_dh_complete(beat, 600)
    beat.timer.stop()
    runner_clean = runner.shutdown(5000) and runner.pool.activeThreadCount() == 0
    del app

    report = {
        "environment": {"python": platform.python_version(), "cryptography": cryptography.__version__,
                        "pyside6": PySide6.__version__, "platform": platform.platform(),
                        "cpus": os.cpu_count(), "qpa": os.environ.get("QT_QPA_PLATFORM")},
        "phases": {name: {**stats(samples), **details.get(name, {})} for name, samples in beat.phases.items()},
        "threads_left_after_shutdown": 0 if runner_clean else "some",
    }
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0 if verdict(report) else 1


def verdict(report: dict) -> bool:
    phases = report["phases"]
    stalls_ok = all(phases[name]["max_ms"] < TARGET_MAX_STALL_MS
                    for name in ("rsa_thread", "dh_child", "dh_complete") if name in phases)
    cancels = phases["dh_child"]["cancel_ms"]
    cancel_ok = bool(cancels) and max(cancels) < TARGET_CANCEL_MS and not phases["dh_child"]["files_left"]
    return stalls_ok and cancel_ok and report["threads_left_after_shutdown"] == 0


def print_report(report: dict) -> None:
    env = report["environment"]
    print(f"tlsgui responsiveness: Python {env['python']}, cryptography {env['cryptography']}, "
          f"PySide6 {env['pyside6']}, {env['cpus']} CPUs, QPA {env['qpa']}")
    print(f"heartbeat {BEAT_MS} ms on the GUI thread; stall = beat interval - {BEAT_MS} ms")
    print(f"{'phase':<12}{'beats':>7}{'max ms':>9}{'p99 ms':>9}{'mean ms':>9}  notes")
    for name, phase in report["phases"].items():
        notes = {k: v for k, v in phase.items() if k not in ("beats", "max_ms", "p99_ms", "mean_ms")}
        print(f"{name:<12}{phase['beats']:>7}{phase['max_ms']:>9.1f}{phase['p99_ms']:>9.1f}"
              f"{phase['mean_ms']:>9.2f}  {json.dumps(notes) if notes else ''}")
    dh = report["phases"]["dh_child"]
    cancels = dh["cancel_ms"]
    print(f"cancel latency (cancel() -> child pid gone): "
          f"{', '.join(f'{c:.1f}' for c in cancels)} ms; max {max(cancels, default=0):.1f} ms "
          f"(target < {TARGET_CANCEL_MS:.0f}); files left in the folder: {dh['files_left'] or 'none'}")
    print(f"threads left after TaskRunner.shutdown(): {report['threads_left_after_shutdown']}")
    print("targets met" if verdict(report) else "TARGETS NOT MET")


if __name__ == "__main__":
    sys.exit(main())
