"""Shared output helpers for CLI commands: JSON dumping and problem lists."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")


def print_problems(problems) -> None:
    width = max((len(p.severity.value) for p in problems), default=0)
    for problem in problems:
        print(f"{problem.severity.value:<{width}}  {problem.key}: {problem.message}")
        if problem.fix:
            print(f"{'':<{width}}  fix: {problem.fix}")
