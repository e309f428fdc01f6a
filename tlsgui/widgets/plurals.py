"""Qt plural forms (`tr(text, n)`) with an English translator for "(s)", so no text shows "check(s)"."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QTranslator

_PLURAL = re.compile(r"\((s|es)\)")


class EnglishPlurals(QTranslator):
    """Qt's numerus idiom without a .qm file: "%n check(s)" → "1 check" / "2 checks" (other languages would
    install their own translator in front of this one)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if n is None or n < 0 or "(" not in source:
            return None  # a null QString: "no translation", so Qt keeps the source text (an empty one would not)
        return _PLURAL.sub(lambda m: "" if abs(n) == 1 else m.group(1), source)

    def isEmpty(self) -> bool:
        return False


_installed: list[EnglishPlurals] = []


def install() -> None:
    """Install the English plural translator once per application (kept alive here)."""
    app = QCoreApplication.instance()
    if app is not None and not _installed:
        translator = EnglishPlurals(app)
        app.installTranslator(translator)
        _installed.append(translator)


def tr(text: str, n: int = -1, context: str = "tlsgui") -> str:
    """QCoreApplication.translate with `%n` replaced by `n` and the plural form chosen."""
    install()
    return QCoreApplication.translate(context, text, None, n)
