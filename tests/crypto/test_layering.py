"""Only crypto/ imports cryptography, and only dhparams.py touches the deprecated finite-field `dh` API."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "tlsgui"


def sources():
    return {p: p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


def test_only_crypto_imports_cryptography():
    offenders = [str(p) for p, text in sources().items()
                 if re.search(r"^\s*(from|import) cryptography", text, re.M) and p.parent.name != "crypto"]
    assert offenders == []


def test_only_dhparams_uses_the_dh_api():
    pattern = re.compile(r"asymmetric import .*\bdh\b|asymmetric\.dh\b|\bdh\.(generate_parameters|DHParameter)")
    users = sorted(p.name for p, text in sources().items() if pattern.search(text))
    assert users == ["dhparams.py"]


def test_no_qt_below_the_widgets():
    for folder in ("crypto", "project", "model", "policy", "acme"):
        for path in (PACKAGE / folder).glob("*.py"):
            assert "PySide6" not in path.read_text(encoding="utf-8"), path
