"""Status colours derived from the current palette, each readable (WCAG AA, 4.5:1) on the palette's background."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

#: WCAG 2.x "AA" contrast for normal text (https://www.w3.org/TR/WCAG21/#contrast-minimum); a little above, so
#: rounding in a style sheet's #rrggbb never drops a colour below it.
MIN_CONTRAST = 4.6
#: The hue of each status; how light it is comes from the palette (a dark palette gets a light red).
HUES = {"error": QColor("#b3261e"), "warning": QColor("#8a5300"), "ok": QColor("#1e7d32"),
        "info": QColor("#1c4f8a")}


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.x definition)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def is_dark(colour: QColor) -> bool:
    """A background light text goes on (or an ink dark text would hide in); WCAG's crossover is ~0.18."""
    return luminance(colour) < 0.18


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QApplication.palette()


def background(palette: QPalette | None = None) -> QColor:
    return _palette(palette).color(QPalette.ColorRole.Window)


def readable(hue: QColor, against: QColor) -> QColor:
    """`hue` made lighter (on a dark background) or darker (on a light one) until it reaches MIN_CONTRAST."""
    dark_background = is_dark(against)
    h, s, lightness, a = hue.getHslF()
    h = max(h, 0.0)  # achromatic colours report hue -1
    # QColor.fromHslF, not QColor(hue): the copy constructor's overload resolution builds PySide's whole `Qt`
    # namespace, and the Web page (painted first) asks for these colours.
    colour = QColor.fromHslF(h, s, lightness, a)
    for _ in range(40):
        if contrast(colour, against) >= MIN_CONTRAST:
            return colour
        lightness = min(1.0, lightness + 0.025) if dark_background else max(0.0, lightness - 0.025)
        colour = QColor.fromHslF(h, s, lightness, a)
    return QColor("#ffffff") if dark_background else QColor("#000000")


def status_colour(kind: str, palette: QPalette | None = None) -> QColor:
    """The text colour of an "error", "warning", "ok" or "info" message on the palette's window background."""
    pal = _palette(palette)
    # Readable on both the window and the base (list, tree) background.
    colour = readable(HUES[kind], pal.color(QPalette.ColorRole.Window))
    return readable(colour, pal.color(QPalette.ColorRole.Base))


def muted_text(palette: QPalette | None = None) -> QColor:
    """Secondary text (where a value is stored): between text and background, still 4.5:1 on the background."""
    pal = _palette(palette)
    text, back = pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)
    mixed = QColor.fromRgbF(*(0.7 * t + 0.3 * b for t, b in zip(text.getRgbF()[:3], back.getRgbF()[:3], strict=True)))
    return readable(mixed, back)


def tinted_background(kind: str, palette: QPalette | None = None) -> QColor:
    """A banner's background: the window colour with a little of the status hue (no glare in a dark palette)."""
    back, hue = background(palette), HUES[kind]
    return QColor.fromRgbF(*(0.86 * b + 0.14 * h for b, h in zip(back.getRgbF()[:3], hue.getRgbF()[:3], strict=True)))


def css(kind: str, palette: QPalette | None = None) -> str:
    """`color: #rrggbb;` for a style sheet or a rich-text span."""
    return f"color: {status_colour(kind, palette).name()};"


def span(kind: str, html: str, palette: QPalette | None = None) -> str:
    return f"<span style='{css(kind, palette)}'>{html}</span>"
