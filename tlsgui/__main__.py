"""Entry point: `tlsgui` / `python -m tlsgui` (commands, the window, or a `--worker` child)."""

import sys

from tlsgui.cli import main

if __name__ == "__main__":
    sys.exit(main())
