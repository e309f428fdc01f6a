"""Imports point down only: every module's imports (function-local ones too) against the layer order."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tlsgui"

#: Bottom up (STYLE.md principle 1): a module may import its own layer and the layers below it only.
LAYERS = (
    ("errors", "safe_read"),  # safe_read: the one file reader for names a person gives (issue 13)
    ("model",),
    ("policy",),
    ("crypto",),
    ("project",),
    ("preview", "acme"),  # acme: the ACME client (network, the acme library) above the project's files
    ("document", "commands", "workers"),  # Qt core
    ("widgets", "forms", "resources_rc"),
    ("pages", "wizard"),
    ("windows",),
    ("app", "cli", "worker", "__main__"),  # entry points
)
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}
#: Layers that must not load Qt or `cryptography` (the pure layers), and the one layer that owns `cryptography`.
PURE = ("errors", "safe_read", "model", "policy", "crypto", "project", "preview", "acme")
NO_CRYPTOGRAPHY = ("errors", "safe_read", "model", "policy", "project", "preview", "acme")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, at any depth (function-local, TYPE_CHECKING, try)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # `from tlsgui import model` names a subpackage, not an attribute: count it as an import of it.
            if target == "tlsgui":
                found += [(node.lineno, f"tlsgui.{alias.name}") for alias in node.names
                          if (PACKAGE / alias.name).is_dir() or (PACKAGE / f"{alias.name}.py").is_file()]
    return found


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer():
    unknown = sorted({layer_of(module_name(p)) for p in sources()} - set(RANK) - {""})
    assert unknown == [], f"add these to LAYERS: {unknown}"


def test_imports_point_down():
    upward = []
    for path in sources():
        source = module_name(path)
        if source == "tlsgui":
            continue
        for line, target in imports(path):
            if not target.startswith("tlsgui.") or target == "tlsgui":
                continue
            if RANK[layer_of(target)] > RANK[layer_of(source)]:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {source} imports {target}")
    assert upward == []


@pytest.mark.parametrize("forbidden, layers", [("PySide6", PURE), ("cryptography", NO_CRYPTOGRAPHY)])
def test_pure_layers_import_neither_qt_nor_cryptography(forbidden, layers):
    offenders = [f"{p.relative_to(PACKAGE.parent)}:{line}: {target}"
                 for p in sources() if layer_of(module_name(p)) in layers
                 for line, target in imports(p) if target.split(".")[0] == forbidden]
    assert offenders == []


def test_the_walker_sees_function_local_and_relative_imports(tmp_path):
    # The test above is only as good as `imports`: prove it finds what a regex over top-level lines misses.
    fake = PACKAGE / "model" / "_layers_probe.py"
    text = "def f():\n    from tlsgui.windows import main_window\n\nif True:\n    from ..pages import base\n"
    fake.write_text(text, encoding="utf-8")
    try:
        found = [target for _line, target in imports(fake)]
    finally:
        fake.unlink()
    assert found == ["tlsgui.windows", "tlsgui.pages"]


# --- each fact once ----------------------------------------------------------------------------------

def _code_outside_policy(pattern: str) -> list[str]:
    regex = re.compile(pattern)
    hits = []
    for path in sources():
        if layer_of(module_name(path)) == "policy" or "forms" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if regex.search(line):
                hits.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    return hits


def test_tls_file_names_are_joined_from_the_policy_names_only():
    assert _code_outside_policy(r'/ "(key|cert|dhparams)\.pem"|= "(key|cert|dhparams)\.pem"') == []


def test_one_host_matcher():
    # A second matcher would compare wildcards or parse IP addresses to match names again.
    assert _code_outside_policy(r'startswith\("\*\."\) and|ip_address\([^)]*\) ==') == []


def test_key_and_dh_minimums_are_policy_numbers():
    assert _code_outside_policy(r"(bits|key_size|dh_bits)\s*<\s*\d") == []


def test_one_forward_secrecy_rule():
    assert _code_outside_policy(r'"(ECDHE|DHE|EDH)-"') == []


def test_one_size_limit_for_tls_files():
    assert _code_outside_policy(r"^MAX_FILE\b|MAX_FILE\s*=") == []


def test_certificate_verdicts_are_policy_functions():
    # Expiry arithmetic and the broken-hash list belong to policy/certificates.py.
    assert _code_outside_policy(r'in \("sha1", "md5"\)|\.days\s*<\s*[A-Z_0-9]|EXPIRY_WARNING_DAYS') == []


def test_one_rule_for_whether_dhparams_is_used():
    assert _code_outside_policy(r"\.dhe\b") == []


def test_one_spki_helper():
    # Comparing keys goes through crypto.keys.public_bytes / same_key; describing them through describe_key.
    users = [hit for hit in _code_outside_policy(r"SubjectPublicKeyInfo")
             if not hit.startswith("tlsgui/crypto/keys.py:")]
    assert users == []


def test_how_4d_applies_a_setting_is_written_in_the_policy_only():
    # The 4D commands and constants of the generated method (policy/applied.py), not a second table of them.
    assert _code_outside_policy(r'"TLSv1_[0-3]"|SET DATABASE PARAMETER\(|WEB SET OPTION\(') == []


def test_the_words_for_an_obsolete_tls_version_come_from_the_policy():
    assert _code_outside_policy(r'\(obsolete\)') == []
