"""Private keys and git: the ignore rules tlsgui adds to a project in a git work tree, and which keys git would track."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tlsgui.project.locate import ProjectPaths

# key.pem (policy.files.KEY_FILE) and pending keys (`*.key.pem`), tlsgui's state (pending keys, backups with key copies, the journal and
# its temp files) and a file staged next to a TLS folder outside the project.
RULES = ("key.pem", "*.key.pem", ".tlsgui/", "*.tlsgui-tmp")
HEADER = "# tlsgui: private keys and tlsgui's state folder (key copies); never commit them"
GIT_TIMEOUT = 5


def work_tree(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder` (a `.git` folder or file above it), or None."""
    folder = Path(folder).absolute()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def missing_rules(ignore_file: Path) -> list[str]:
    try:
        have = {line.strip() for line in ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()}
    except FileNotFoundError:
        have = set()
    return [rule for rule in RULES if rule not in have and "/" + rule not in have]


def ensure_ignore_rules(paths: ProjectPaths) -> Path | None:
    """In a git work tree, add the missing RULES to the project's `.gitignore`; the file when it changed."""
    if work_tree(paths.root) is None:
        return None
    ignore_file = Path(paths.root) / ".gitignore"
    missing = missing_rules(ignore_file)
    if not missing:
        return None
    from tlsgui.project.transaction import write_files
    from tlsgui.safe_read import read_regular

    try:
        old = read_regular(ignore_file, 1024 * 1024, ".gitignore")
    except FileNotFoundError:
        old = b""
    block = "\n".join([HEADER, *missing]) + "\n"
    text = old + (b"\n" if old and not old.endswith(b"\n") else b"") + (b"\n" if old else b"") + block.encode()
    write_files(paths, [(ignore_file, text, None)])
    return ignore_file


def missing_in_work_tree(paths: ProjectPaths) -> list[str]:
    """The RULES the project's `.gitignore` lacks, when the project is in a git work tree ([] otherwise)."""
    if work_tree(paths.root) is None:
        return []
    return missing_rules(Path(paths.root) / ".gitignore")


def protect_keys(paths: ProjectPaths) -> Path | None:
    """After writing a private key: add the missing ignore rules (the window and the CLI alike, audit D9).

    Never fails the write it follows: a `.gitignore` that cannot be changed leaves `check`'s warning.
    """
    from tlsgui.errors import TlsguiError

    try:
        return ensure_ignore_rules(paths)
    except (TlsguiError, OSError):
        return None


def tracked(files: list[Path]) -> list[Path]:
    """Those of `files` (inside one git work tree) that git would track: not ignored, or already committed."""
    files = [Path(f) for f in files]
    if not files:
        return []
    top = work_tree(files[0].parent)
    git = shutil.which("git")
    if top is None or git is None:
        return []
    try:
        done = subprocess.run([git, "check-ignore", "--stdin", "-z"], cwd=top, capture_output=True,
                              input=b"\0".join(str(f).encode() for f in files) + b"\0", timeout=GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode not in (0, 1):
        return []  # 128: not a work tree after all, or git failed
    ignored = {Path(p.decode()) for p in done.stdout.split(b"\0") if p}
    return [f for f in files if f not in ignored]


def private_key_files(paths: ProjectPaths, tls_folder: Path) -> list[Path]:
    """Every file tlsgui may keep a private key in: key.pem, pending keys, backup copies, temp files."""
    from tlsgui.policy.files import KEY_FILE

    out = [tls_folder / KEY_FILE] if (tls_folder / KEY_FILE).is_file() else []
    state = Path(paths.state_dir)
    if state.is_dir() and not state.is_symlink():
        out += [p for p in state.rglob("*") if p.is_file() and not p.is_symlink() and p.name != "lock"]
    return out
