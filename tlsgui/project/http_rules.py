"""Project/Sources/HTTPRules.json (4D 21+): the Strict-Transport-Security rule tlsgui keeps in it, and nothing else."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tlsgui.errors import SettingsFileError
from tlsgui.model.release import Release
from tlsgui.policy.versions import holds

# 4D 21's HTTP rules (https://developer.4d.com/docs/21/WebServer/http-rules): a JSON collection of rule
# objects with a "regexPattern" and actions such as "setHeaders" (header name: value, added when missing);
# "other properties are ignored", so a "comment" marks the rule tlsgui added.
HEADER = "Strict-Transport-Security"
ALL_URLS = "/(.*)"  # the docs' pattern for "All requests"
COMMENT = "tlsgui: HSTS for every response (web.hsts_enabled, web.hsts_max_age); edit it in tlsgui"
MAX_SIZE = 1024 * 1024


def hsts_value(max_age: int) -> str:
    return f"max-age={max_age}"


def read_rules(path: Path) -> tuple[list | None, bytes | None]:
    """The rules and the bytes they came from; (None, None) when there is no file.

    A file that is not JSON or not a list raises SettingsFileError: it is reported and never overwritten.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise SettingsFileError(f"Cannot read the file ({exc.strerror or exc}); it was left as it is.",
                                where=str(path)) from None
    fix = ("4D 21 reads this file as a JSON list of rule objects; correct it (or remove it), then save again. "
           "tlsgui did not change it.")
    if len(data) > MAX_SIZE:
        raise SettingsFileError("The file is too large to be HTTP rules; it was left as it is.", where=str(path))
    try:
        rules = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SettingsFileError("The file is not UTF-8 text.", where=str(path), fix=fix) from None
    except json.JSONDecodeError as exc:
        raise SettingsFileError(f"Line {exc.lineno}, column {exc.colno}: the JSON is malformed ({exc.msg}).",
                                where=str(path), fix=fix) from None
    if not isinstance(rules, list):
        raise SettingsFileError(f"The file holds a JSON {type(rules).__name__ if rules is not None else 'null'}, "
                                "not a list of rules.", where=str(path), fix=fix)
    return rules, data


def _header_key(headers: dict) -> str | None:
    return next((name for name in headers if isinstance(name, str) and name.lower() == HEADER.lower()), None)


def updated_rules(rules: list, hsts: bool, max_age: int) -> list:
    """The rules with HSTS set (or removed); the user's rules, their order and their fields are kept.

    On: a rule that already sets Strict-Transport-Security gets the new value in place; else tlsgui's rule is
    added at the end (4D runs every matching rule in order and the last one wins). Off: the header is taken
    out of every setHeaders, and tlsgui's own rule is dropped once it holds nothing else.
    """
    out: list[Any] = []
    placed = False
    for rule in rules:
        headers = rule.get("setHeaders") if isinstance(rule, dict) else None
        name = _header_key(headers) if isinstance(headers, dict) else None
        if name is None:
            out.append(rule)
            continue
        rule = dict(rule)
        headers = dict(headers)  # type: ignore[arg-type]
        if hsts:
            if not placed:  # the first one gets the value; a user's rules for other URLs stay as they are
                headers[name] = hsts_value(max_age)
                placed = True
        else:
            del headers[name]
        rule["setHeaders"] = headers
        ours = rule.get("comment") == COMMENT
        if ours and not headers and set(rule) <= {"comment", "regexPattern", "setHeaders"}:
            continue
        out.append(rule)
    if hsts and not placed:
        out.append({"comment": COMMENT, "regexPattern": ALL_URLS, "setHeaders": {HEADER: hsts_value(max_age)}})
    return out


def _indent(data: bytes | None) -> str | int:
    """The file's own indentation (a tab, as in 4D's examples, or some spaces); a tab for a new file."""
    if data:
        found = re.search(rb"\n([ \t]+)\S", data)
        if found:
            unit = found.group(1)
            return "\t" if unit.startswith(b"\t") else len(unit)
    return "\t"


def render_rules(rules: list, original: bytes | None) -> bytes:
    newline = "\r\n" if original and b"\r\n" in original else "\n"
    text = json.dumps(rules, indent=_indent(original), ensure_ascii=False)
    end = newline if original is None or original.endswith((b"\n", b"\r")) else ""
    return (text.replace("\n", newline) + end).encode("utf-8")


def rules_output(path: Path, hsts: bool, max_age: int) -> bytes | None:
    """The new bytes of HTTPRules.json for these HSTS settings, or None when the file needs no change.

    Raises SettingsFileError when the file exists but cannot be used (nothing is then written anywhere).
    """
    rules, original = read_rules(path)
    if rules is None:
        if not hsts:
            return None
        rules = []
    new = updated_rules(rules, hsts, max_age)
    if new == rules and original is not None:
        return None
    return render_rules(new, original)


HSTS_KEYS = ("web.hsts_enabled", "web.hsts_max_age", "project.4d_version")


def hsts_rules_output(paths, settings, release: Release, edited: list[str]) -> bytes | None:
    """HTTPRules.json's new bytes when a save touches HSTS on 4D 21+ (None: leave the file alone).

    Older releases do not read the file: HSTS stays in the generated method there.
    """
    if not holds("http_rules_file", release) or not any(key in HSTS_KEYS for key in edited):
        return None
    return rules_output(paths.http_rules, settings.web_hsts_enabled, settings.web_hsts_max_age)


# Patterns that match every URL 4D passes to the rules (the docs' "All requests" example is "/(.*)").
_ALL_URLS = {"/(.*)", "/.*", "^/.*", "^/(.*)", "(.*)", ".*", "^.*", "^(.*)"}


def hsts_in_rules(rules: list) -> int | None:
    """The max-age of a Strict-Transport-Security header set for all URLs, or None (the last such rule wins)."""
    found = None
    for rule in rules:
        if not isinstance(rule, dict) or rule.get("regexPattern") not in _ALL_URLS:
            continue
        headers = rule.get("setHeaders")
        if not isinstance(headers, dict):
            continue
        name = _header_key(headers)
        value = headers.get(name) if name is not None else None
        if not isinstance(value, str):
            continue
        age = re.search(r"max-age\s*=\s*\"?(\d{1,10})", value, re.IGNORECASE)
        if age:
            found = int(age.group(1))
    return found
