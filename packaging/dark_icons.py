"""Write resources/icons/dark/*.svg from the light icons (tlsgui.widgets.icons.dark_variant); then `make ui`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ICONS = ROOT / "resources" / "icons"


def main() -> int:
    from tlsgui.widgets.icons import dark_variant

    (ICONS / "dark").mkdir(exist_ok=True)
    # The icons the window uses (tlsgui.svg is the source of the desktop icon PNGs, not a window icon).
    for light in sorted(p for p in ICONS.glob("*.svg") if p.stem != "tlsgui"):
        dark = ICONS / "dark" / light.name
        dark.write_text(dark_variant(light.stem, light.read_text(encoding="utf-8")), encoding="utf-8")
        print(dark.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
