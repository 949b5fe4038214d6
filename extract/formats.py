"""File formats other than plain text, told apart by their content, not their name."""

from __future__ import annotations

from extract.reading import InputError

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls
PNG_MAGIC = b"\x89PNG"


def kind(data: bytes) -> str:
    """pdf, docx, doc, image or text, by the first bytes."""
    head = data[:1024].lstrip()
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(PNG_MAGIC) or data.startswith(b"\xff\xd8\xff") or data[:6] in (b"GIF87a", b"GIF89a"):
        return "image"
    return "text"


def to_text(data: bytes, name: str) -> tuple[str, str | None]:
    """(text, encoding label) for a document format; ("", None) when the bytes are plain text."""
    found = kind(data)
    if found == "text":
        return "", None
    if found == "image":
        raise InputError(f"{name}: an image, not a text; it needs OCR, which this tool does not do")
    if found == "doc":
        raise InputError(f"{name}: an old Word .doc file; save it as .docx and try again")
    raise InputError(f"{name}: {found} files are not read yet; convert it to .txt first")
