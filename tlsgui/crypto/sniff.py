"""What a file is from its first bytes (images, archives, web pages), and UTF-16 text made readable."""

from __future__ import annotations

# Leading bytes of files people pick by mistake (a download saved under the wrong name, an archive).
MAGIC = ((b"\xff\xd8\xff", "a JPEG image"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
         (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive (empty)"),
         (b"\x1f\x8b", "a gzip archive"), (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"),
         (b"{\\rtf", "an RTF document"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"))


def sniff(data: bytes) -> str:
    """What a non-certificate file is, from its first bytes ("" when unknown)."""
    for magic, words in MAGIC:
        if data.startswith(magic):
            return words
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) and b"<html" in data[:4096].lower():
        return "a web page (HTML)"
    return ""


def plain_text(data: bytes, where: str) -> tuple[bytes, list[str]]:
    """UTF-16 text (Windows Notepad's "Unicode") as bytes the parser reads, with a notice; a UTF-8 BOM removed."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return data, []
        if text.isascii():
            return text.encode("ascii"), [f"{where}: the file is UTF-16 text; read it as plain ASCII."]
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:], []
    return data, []

