"""Gather FileFacts for a loaded project: which TLS files exist and what they hold."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

from tlsgui.errors import TlsguiError
from tlsgui.model.facts import FileFacts
from tlsgui.policy.files import CERT_FILE, DH_FILE, KEY_FILE
from tlsgui.project.startup import version_facts


def _key_in_git(key: Path) -> bool:
    """True when key.pem sits in a git work tree and .gitignore does not cover it."""
    if not any((folder / ".git").exists() for folder in key.parents):
        return False
    git = shutil.which("git")
    if git is None:
        return False
    import subprocess  # only for a project inside a git work tree

    try:
        done = subprocess.run([git, "check-ignore", "-q", str(key)], cwd=key.parent,
                              capture_output=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 1  # 0: ignored; 1: not ignored; 128: not a work tree / error


def _trust(cert: Path, host_names: str) -> dict:
    from tlsgui.crypto.trust import trust_of_installed
    from tlsgui.model.options import split_names

    try:
        result = trust_of_installed(cert.read_bytes(), tuple(split_names(host_names)), datetime.now(timezone.utc))
    except OSError:
        return {}
    if result is None:
        return {}
    return dict(trusted=result.trusted, trust_problems=result.problems, usage_problems=result.usage_problems,
                name_problems=result.name_problems, chain_warnings=result.chain_warnings)


def gather_facts(project) -> FileFacts:
    folder = project.paths.tls_folder(project.settings.web_certificate_folder)
    key, cert, dh = folder / KEY_FILE, folder / CERT_FILE, folder / DH_FILE
    values: dict = dict(
        tls_folder=str(folder),
        key_present=key.is_file(),
        cert_present=cert.is_file(),
        dhparams_present=dh.is_file(),
        read_at=datetime.now(timezone.utc),
        **version_facts(project, project.settings),
    )
    if cert.is_file():
        # Imported here so that opening a project without certificates never loads `cryptography`.
        from tlsgui.crypto.summary import summarize_installed

        try:
            values["cert"] = summarize_installed(cert, key)
            from tlsgui.crypto.details import chain_details

            values["chain"] = chain_details(cert)
        except TlsguiError as exc:
            values["cert_error"] = str(exc)
        else:
            values.update(_trust(cert, project.settings.web_host_names))
    if dh.is_file():
        from tlsgui.crypto.dhparams import read_dh_bits
        from tlsgui.crypto.reading import read_tls_file

        try:
            values["dh_bits"] = read_dh_bits(read_tls_file(dh, "DH parameters"))
        except TlsguiError as exc:
            values["dh_error"] = exc.message
    if key.is_file():
        import os

        values["key_in_git"] = _key_in_git(key)
        values["key_mode"] = os.stat(key).st_mode & 0o777
    from tlsgui.project.gitignore import private_key_files, tracked, work_tree

    if work_tree(project.paths.root) is not None:
        others = [p for p in private_key_files(project.paths, folder) if p != key]
        values["keys_in_git"] = tuple(str(p) for p in tracked(others))
    return FileFacts(**values)
