"""Reading input files: take the bytes safely, decode whatever encoding they came in, refuse
what is not text. Every refusal is an InputError whose str() is one line naming the file."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from charset_normalizer import from_bytes

DEFAULT_MAX_MB = 20.0
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


# Why a file cannot be read, one line each; the dashboard says the same in the page's language
# (dashboard/i18n.py, keys input_<code>) from the code and its parameters.
MESSAGES = {
    "missing": "{name}: no such file",
    "missing_path": "{name}: no such file or folder",
    "folder_unreadable": "{name}: cannot read the folder ({why})",
    "folder_empty": "{name}: folder holds no .txt, .pdf or .docx files",
    "folder": "{name}: is a folder, not a file",
    "loop": "{name}: a symbolic link that loops",
    "unreadable": "{name}: cannot read ({why})",
    "not_regular": "{name}: not a regular file (a pipe or device); copy it to a file first",
    "too_big": "{name}: {size_mb} MB is over the {limit_mb} MB limit (AGING_MAX_FILE_MB)",
    "empty": "{name}: empty file",
    "binary": "{name}: binary data, not a text file",
    "encoding": "{name}: cannot tell the text encoding",
    "no_chinese": "{name}: no Chinese text in the file",
    "no_region": "{name}: no region found (no place name resolves to a division code; {found})",
    "image": "{name}: an image, not a text; it needs OCR, which this tool does not do",
    "old_doc": "{name}: an old Word .doc file; save it as .docx and try again",
    "pdf_password": "{name}: a password-protected PDF; save it without the password and try again",
    "pdf_broken": "{name}: not a readable PDF ({why})",
    "pdf_scan": "{name}: a PDF with no text layer (a scan); it needs OCR, which this tool does not do",
    "zip_not_docx": "{name}: a ZIP archive, not a Word (.docx) file",
    "docx_broken": "{name}: not a readable Word file ({why})",
    "bug": "{name}: could not be extracted ({why}); please report this file",
}


class InputError(Exception):
    """A file that cannot be extracted; str() is one line that names the file and the problem."""

    def __init__(self, code: str, name: str, **params: object):
        self.code, self.name, self.params = code, name, params
        super().__init__(MESSAGES[code].format(name=name, **params))


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
        raise InputError("missing", shown_name(path)) from None
    except IsADirectoryError:
        raise InputError("folder", shown_name(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("loop", name) from None
        raise InputError("unreadable", name, why=exc.strerror) from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("folder", name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not_regular", name)
        if info.st_size > limit:
            raise InputError("too_big", name, size_mb=f"{info.st_size / 1048576:.1f}",
                             limit_mb=f"{limit / 1048576:g}")
        try:
            return f.read()
        except OSError as exc:
            raise InputError("unreadable", name, why=exc.strerror) from None


# Bytes a text file may hold: everything but the C0 controls other than tab, newline, form feed and CR.
_TEXT_BYTES = bytes([9, 10, 12, 13, *range(32, 256)])
_HAN_RE = re.compile("[\u4e00-\u9fff]")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _TEXT_BYTES))  # what is left once the text bytes are deleted
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
        raise InputError("binary", name)
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
        raise InputError("encoding", name)
    return data.decode(best.encoding, errors="replace"), best.encoding, 0


def check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError("empty", name)
    if not _HAN_RE.search(text, 0, 20000):
        raise InputError("no_chinese", name)
