"""Reading input files: decode whatever encoding they came in, refuse what is not text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

SUPPORTED = {".txt", ".text", ".md", ""}


class InputError(Exception):
    """A file that cannot be extracted; str() is one line that names the file and the problem."""


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Bytes → (text, encoding). UTF-8 (with or without BOM) first, then GB18030, then detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding")
    return str(best), best.encoding


def read_text(path: Path) -> tuple[str, str, str]:
    """The decoded text of a file, its encoding, and the sha256 of its bytes."""
    name = path.name
    if path.suffix.lower() in (".pdf", ".docx", ".doc"):
        raise InputError(f"{name}: {path.suffix} files are not read yet; convert it to .txt first")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not a text file")
    try:
        text, encoding = decode(data, name)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid text in any encoding tried (UTF-8, GB18030)") from None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text[:20000]):
        raise InputError(f"{name}: no Chinese text in the file")
    return text, encoding, hashlib.sha256(data).hexdigest()
