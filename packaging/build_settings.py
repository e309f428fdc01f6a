"""Write tlsgui/model/settings_values.py: the Settings value class for OPTIONS, generated once (`make ui`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tlsgui" / "model" / "settings_values.py"

HEADER = '''"""Generated from tlsgui/model/options.py by packaging/build_settings.py (`make ui`); do not edit."""

# What dataclasses.make_dataclass(frozen=True) compiled at every start (~2 ms of the window's start-up),
# written out once: init, repr, eq, hash and frozen attributes. tlsgui/model/settings.py refuses a stale
# copy at import; tests/model/test_settings_values.py checks it is fresh and behaves as the dataclass did.

from __future__ import annotations

from dataclasses import FrozenInstanceError
'''


def render(options) -> str:
    """The module's source for `options` (tlsgui.model.options.OPTIONS)."""
    fields = []
    for opt in options:
        if type(opt.default) not in (bool, int, str):
            raise SystemExit(f"{opt.key}: only bool, int and str defaults can be written out")
        fields.append((opt.key.replace(".", "_"), repr(opt.default)))
    types = {opt.key.replace(".", "_"): opt.type.__name__ for opt in options}
    names = [name for name, _ in fields]
    lines = [HEADER, "", "# (field name, default) in OPTIONS order.", "FIELDS = ("]
    lines += [f"    ({name!r}, {default})," for name, default in fields]
    lines += [")", "", "",
              "class SettingsValues:",
              '    """The fields of Settings: one frozen value per option (dataclass-style init, repr, eq, hash)."""',
              "",
              "    __match_args__ = ("]
    lines += [f"        {n!r}," for n in names]
    lines += ["    )", ""]
    # Annotated fields, so that mypy knows every value's type (settings.web_https_port is an int).
    lines += [f"    {n}: {types[n]}" for n in names]
    lines += ["", "    def __init__(", "        self,"]
    lines += [f"        {n}: {types[n]} = {d}," for n, d in fields]
    lines += ["    ) -> None:"]
    lines += [f"        object.__setattr__(self, {n!r}, {n})" for n in names]
    lines += ["",
              "    def _values(self) -> tuple:",
              "        return ("]
    lines += [f"            self.{n}," for n in names]
    lines += ["        )",
              "",
              "    def __repr__(self) -> str:",
              '        return (f"{self.__class__.__qualname__}("']
    lines += [f'                f"{n}={{self.{n}!r}}{", " if i < len(names) - 1 else ")"}"'
              for i, n in enumerate(names)]
    lines[-1] += ")"
    lines += ["",
              "    def __eq__(self, other: object) -> bool:",
              "        if other.__class__ is self.__class__:",
              "            return self._values() == other._values()",
              "        return NotImplemented",
              "",
              "    def __hash__(self) -> int:",
              "        return hash(self._values())",
              "",
              "    def __setattr__(self, name: str, value: object) -> None:",
              '        raise FrozenInstanceError(f"cannot assign to field {name!r}")',
              "",
              "    def __delattr__(self, name: str) -> None:",
              '        raise FrozenInstanceError(f"cannot delete field {name!r}")',
              ""]
    return "\n".join(lines)


def build(out: Path = OUT) -> Path:
    sys.path.insert(0, str(ROOT))
    from tlsgui.model.options import OPTIONS

    out.write_text(render(OPTIONS), encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    print(build(parser.parse_args().out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
