"""Shared bench helpers: machine facts, robust statistics, and the environment of measured child processes."""

from __future__ import annotations

import datetime
import os
import platform
import ssl
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child_env() -> dict[str, str]:
    """The environment of a measured child: offscreen Qt, this checkout importable, bytecode allowed."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure the app as installed (pip compiles bytecode)
    return env


def spread(samples: list[float], scale: float = 1.0, digits: int = 1) -> dict:
    """Median with its spread (min, quartiles, max), in the unit given by `scale` (1000: seconds -> ms)."""
    values = sorted(v * scale for v in samples)
    if len(values) >= 4:
        q1, _, q3 = statistics.quantiles(values, n=4)
    else:
        q1, q3 = values[0], values[-1]
    return {"median": round(statistics.median(values), digits), "min": round(values[0], digits),
            "q1": round(q1, digits), "q3": round(q3, digits), "max": round(values[-1], digits), "n": len(values)}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_facts() -> dict:
    """What the figures were measured on; the load average matters on a shared machine."""
    facts = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_ssl_openssl": ssl.OPENSSL_VERSION,
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }
    try:
        total_kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        facts["memory_gib"] = round(total_kib / 1024 / 1024, 1)
    except (OSError, IndexError, ValueError):
        pass
    try:
        facts["load_average"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    try:
        import cryptography
        from cryptography.hazmat.backends.openssl.backend import backend

        facts["cryptography"] = cryptography.__version__
        facts["cryptography_openssl"] = backend.openssl_version_text()
    except ImportError:
        pass
    try:
        import PySide6
        from PySide6 import QtCore

        facts["pyside6"] = PySide6.__version__
        facts["qt"] = QtCore.qVersion()
    except ImportError:
        pass
    sys.path.insert(0, str(ROOT))
    from tlsgui import __version__

    facts["tlsgui"] = __version__
    return facts
