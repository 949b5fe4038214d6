"""Reading input files: take the bytes safely, decode whatever encoding they came in, refuse
what is not text. Every refusal is an InputError whose str() is one line naming the file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from charset_normalizer import from_bytes

DEFAULT_MAX_MB = 20.0
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


class InputError(Exception):
    """A file that cannot be extracted; str() is one line that names the file and the problem."""


def shown_name(path: str | os.PathLike) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) escaped."""
    name = os.fspath(path)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name)


def max_bytes_setting() -> int:
    """The largest file accepted: $AGING_MAX_FILE_MB (default 20 MB)."""
    try:
        mb = float(os.environ.get("AGING_MAX_FILE_MB") or DEFAULT_MAX_MB)
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """A regular file's bytes. Pipes and devices are refused without blocking on them."""
    name = shown_name(path.name or path)
    limit = max_bytes_setting() if max_bytes is None else max_bytes
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(f"{shown_name(path)}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown_name(path)}: is a folder, not a file") from None
    except OSError as exc:
        why = "a symbolic link that loops" if exc.errno == errno.ELOOP else f"cannot read ({exc.strerror})"
        raise InputError(f"{name}: {why}") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file (a pipe or device); copy it to a file first")
        if info.st_size > limit:
            raise InputError(f"{name}: {info.st_size / 1048576:.1f} MB is over the {limit / 1048576:g} MB limit "
                             "(AGING_MAX_FILE_MB)")
        try:
            return f.read()
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(data: bytes, name: str) -> tuple[str, str, int]:
    """Bytes → (text, encoding, characters replaced).

    A BOM names its encoding; then UTF-8, then GB18030, then detection. A file that is
    UTF-8 but for a few damaged bytes is read with those bytes replaced (U+FFFD) and counted,
    rather than refused or misread as another encoding.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding.removesuffix("-sig"), errors="replace")
            return text, encoding, text.count("\ufffd")
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not a text file")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding, 0
        except UnicodeDecodeError:
            continue
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if damaged <= max(8, len(text) // 1000):
        return text, "utf-8", damaged
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding")
    return data.decode(best.encoding, errors="replace"), best.encoding, 0


def check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: empty file")
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text[:20000]):
        raise InputError(f"{name}: no Chinese text in the file")
