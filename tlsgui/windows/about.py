"""Help ▸ About (versions of tlsgui, Python, Qt, PySide6, cryptography and OpenSSL) and the documentation."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

DOCS_FOLDER = Path(__file__).resolve().parent.parent.parent / "docs"


def versions() -> dict[str, str]:
    import PySide6
    from PySide6.QtCore import qVersion

    from tlsgui import __version__
    from tlsgui.crypto.library_versions import library_versions

    return {"tlsgui": __version__, "Python": platform.python_version(), "Qt": qVersion(),
            "PySide6": PySide6.__version__, **library_versions()}


def about_text() -> str:
    rows = "".join(f"<tr><td>{escape(name)}</td><td>&nbsp;{escape(value)}</td></tr>" for name, value in versions().items())
    return ("<p><b>tlsgui</b> sets up TLS for 4D projects: HTTPS, client-server encryption and SQL TLS, with the "
            "certificates they need.</p>"
            f"<table>{rows}</table>")


def documentation_location() -> str:
    """docs/gui.md beside the source (a checkout or a source install); "" when this build has none."""
    index = DOCS_FOLDER / "gui.md"
    return str(index) if index.is_file() else ""
