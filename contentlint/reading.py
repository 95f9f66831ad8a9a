"""Reading input files into text: encodings, BOMs, binary files.

Only reads; nothing here ever writes to an input file.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from .errors import InputError

#: Files larger than this are refused with a clear finding rather than read.
DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Magic numbers of binary formats people commonly misname with a text extension.
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x7fELF", "an executable"),
)


def read_path(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """The decoded text of ``path``; raises :class:`InputError` naming the reason."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(name, "broken symbolic link") from None
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, _os_reason(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, "not a regular file (FIFO, socket or device); skipped")
    if st.st_size > max_size:
        raise InputError(
            name, f"file is {st.st_size:,} bytes, over the max_file_size limit of {max_size:,}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, _os_reason(exc)) from None
    return decode_bytes(data, name)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode: BOM first, then UTF-8, then a detected encoding; binary is an error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"binary file ({what}), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(name, "cannot decode: not UTF-8 and no other encoding fits")
    return str(best)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
