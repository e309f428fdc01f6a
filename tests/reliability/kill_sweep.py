"""The kill sweep: SIGKILL a real tlsgui command at its n-th rename/fsync/write (strace), then check the project."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

SYSCALLS = ("rename", "fsync", "write")
RENAMES = ("rename", "renameat", "renameat2")  # whichever this platform's libc uses for os.replace
SETTINGS = ("Project/Sources/settings.4DSettings", "Project/Sources/tls-settings.json",
            "Project/Sources/Methods/TLS_ApplySettings.4dm")
CHILD_TIMEOUT = 120


def tlsgui(*args, cwd: Path, env: dict, prefix: tuple = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "tlsgui", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=CHILD_TIMEOUT)


@dataclass
class Scenario:
    """A command run on copies of `template`; `watched` files must be all old or all new after a kill."""

    name: str
    template: Path  # holds P/ (the project) and, for export, E/
    args: tuple  # "{P}" and "{E}" are replaced by the copy's folders
    watched: tuple[str, ...] = ()  # relative to the copy: compared as one set of bytes
    new_pair_from_pending: bool = False  # install: the new key.pem is the pending key


@dataclass
class Outcome:
    scenario: str
    syscall: str
    n: int
    killed: bool
    problems: list[str] = field(default_factory=list)


def count_calls(scenario: Scenario, work: Path, env: dict) -> dict[str, int]:
    """How many times an uninjected run makes each syscall (the sweep's range), and which rename is used."""
    copy = fresh_copy(scenario, work / "count")
    counts = {}
    for name, traced in (("rename", ",".join(RENAMES)), ("fsync", "fsync"), ("write", "write")):
        trace = work / f"count-{name}.txt"
        done = tlsgui(*expand(scenario.args, copy), cwd=copy, env=env,
                      prefix=("strace", "-f", "-qq", "-e", f"trace={traced}", "-o", str(trace)))
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        calls = [re.match(r"^\d+\s+(\w+)\(", line) for line in trace.read_text().splitlines()]
        names = [m.group(1) for m in calls if m]
        if name == "rename":
            used = sorted(set(names))
            assert len(used) == 1, f"several rename syscalls in use: {used}"
            counts[used[0]] = len(names)
        else:
            counts[name] = len(names)
        copy = fresh_copy(scenario, work / "count")
    return counts


def fresh_copy(scenario: Scenario, where: Path) -> Path:
    if where.exists():
        shutil.rmtree(where)
    shutil.copytree(scenario.template, where, symlinks=True)
    return where


def expand(args: tuple, copy: Path) -> list[str]:
    return [str(a).replace("{P}", str(copy / "P")).replace("{E}", str(copy / "E")) for a in args]


def snapshot(copy: Path, names: tuple[str, ...]) -> tuple:
    return tuple((copy / n).read_bytes() if (copy / n).exists() else None for n in names)


def _public(pem: bytes, private: bool):
    if private:
        return serialization.load_pem_private_key(pem, None).public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return x509.load_pem_x509_certificates(pem)[0].public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def pair_problems(folder: Path, label: str) -> list[str]:
    key, cert = folder / "key.pem", folder / "cert.pem"
    if not key.exists() and not cert.exists():
        return []
    if not key.exists() or not cert.exists():
        return [f"{label}: only one of key.pem and cert.pem exists"]
    try:
        if _public(key.read_bytes(), True) != _public(cert.read_bytes(), False):
            return [f"{label}: key.pem and cert.pem do not match"]
    except ValueError as exc:
        return [f"{label}: unreadable key.pem or cert.pem ({exc})"]
    if key.stat().st_mode & 0o077:
        return [f"{label}: key.pem mode {key.stat().st_mode & 0o777:o}"]
    return []


def leaked_keys(copy: Path) -> list[str]:
    """Files holding a private key anywhere but where tlsgui keeps them on purpose."""
    out = []
    for path in copy.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(copy).as_posix()
        if b"PRIVATE KEY" not in path.read_bytes():
            continue
        if rel in ("P/key.pem", "E/key.pem", "keys/new.key.pem"):
            continue
        if re.fullmatch(r"P/\.tlsgui/pending/[^/]+\.key\.pem", rel):
            continue
        if re.fullmatch(r"P/\.tlsgui/backups/[0-9TZ-]+/\d\d-[^/]+", rel):
            continue
        out.append(f"a private key in {rel}")
    return out


def check_after(scenario: Scenario, copy: Path, env: dict, old: tuple, new: tuple, pending: bytes | None) -> list[str]:
    """Run the next tlsgui command (`check`, which completes or undoes the interrupted change) and judge."""
    problems = []
    done = tlsgui("check", copy / "P", "--json", cwd=copy, env=env)
    stderr = done.stderr.decode(errors="replace")
    if done.returncode not in (0, 1) or "Traceback" in stderr:
        problems.append(f"next command failed ({done.returncode}): {stderr.strip()[-300:]}")
    problems += pair_problems(copy / "P", "project")
    problems += pair_problems(copy / "E", "export folder") if (copy / "E").exists() else []
    now = snapshot(copy, scenario.watched)
    if scenario.watched and now not in (old, new):
        mixed = [n for n, a, b, c in zip(scenario.watched, old, new, now, strict=True) if c not in (a, b)]
        problems.append(f"files neither all old nor all new (odd: {mixed or 'a mix of old and new'})")
    problems += leaked_keys(copy)
    state = copy / "P" / ".tlsgui"
    if (state / "journal.json").exists():
        problems.append("the journal is still there after the next command")
    if (state / "tmp").exists() and any((state / "tmp").iterdir()):
        problems.append(f"left in .tlsgui/tmp: {[p.name for p in (state / 'tmp').iterdir()]}")
    listing = tlsgui("backups", copy / "P", "--json", cwd=copy, env=env)
    if listing.returncode != 0:
        problems.append(f"backups failed: {listing.stderr.decode(errors='replace')[-200:]}")
    else:
        incomplete = [b["id"] for b in json.loads(listing.stdout)["backups"] if not b.get("complete", True)]
        if incomplete:
            problems.append(f"incomplete backups listed: {incomplete}")
    if pending is not None:
        pend = list((state / "pending").glob("*.key.pem")) if (state / "pending").exists() else []
        key = copy / "P" / "key.pem"
        holds = key.exists() and _public(key.read_bytes(), True) == _public(pending, True)
        if not pend and not holds:
            problems.append("the pending key was lost")
    return problems


def run_point(scenario: Scenario, syscall: str, n: int, work: Path, env: dict, old: tuple, new: tuple,
              pending: bytes | None) -> Outcome:
    copy = fresh_copy(scenario, work / f"{scenario.name}-{syscall}-{n}")
    done = tlsgui(*expand(scenario.args, copy), cwd=copy, env=env,
                  prefix=("strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={syscall}",
                          "-e", f"inject={syscall}:signal=KILL:when={n}"))
    killed = done.returncode in (-9, 137)
    outcome = Outcome(scenario.name, syscall, n, killed)
    if not killed and done.returncode != 0:
        outcome.problems.append(f"not killed, yet failed ({done.returncode}): "
                                f"{done.stderr.decode(errors='replace')[-300:]}")
    outcome.problems += check_after(scenario, copy, env, old, new, pending)
    shutil.rmtree(copy, ignore_errors=True)
    return outcome


def sweep(scenario: Scenario, work: Path, env: dict, chooser=None, pending: bytes | None = None,
          jobs: int = 2) -> tuple[list[Outcome], dict[str, int]]:
    """Every kill point (or those `chooser(syscall, total)` picks), two at a time; the outcomes and the counts."""
    work.mkdir(parents=True, exist_ok=True)
    counts = count_calls(scenario, work, env)
    old = snapshot(scenario.template, scenario.watched)
    reference = fresh_copy(scenario, work / "reference")
    done = tlsgui(*expand(scenario.args, reference), cwd=reference, env=env)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    new = snapshot(reference, scenario.watched)
    tasks = []
    for syscall, total in counts.items():
        chosen = range(1, total + 1) if chooser is None else [n for n in chooser(syscall, total) if 1 <= n <= total]
        tasks += [(syscall, n) for n in chosen]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        outcomes = list(pool.map(lambda t: run_point(scenario, t[0], t[1], work, env, old, new, pending), tasks))
    return outcomes, counts
