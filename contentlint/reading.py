"""Reading input files into text: encodings, BOMs, binary files.

Only reads; nothing here ever writes to an input file.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from .errors import InputError

#: Files larger than this are refused with a clear finding rather than read.
DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

#: How much of a file the binary and encoding sniffing looks at.
_SAMPLE = 8192

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
        try:
            with os.scandir(path):
                pass
        except OSError as exc:
            raise InputError(name, f"directory cannot be listed: {_os_reason(exc)}") from None
        raise InputError(name, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, "not a regular file (FIFO, socket or device); skipped")
    if st.st_size > max_size:
        raise InputError(name, _too_big(st.st_size, max_size))
    try:
        with open(path, "rb") as handle:
            # NOTE: read at most one byte past the limit: a file that grows while we
            # read it, or a special file that reports size 0, cannot exhaust memory.
            data = handle.read(max_size + 1)
    except OSError as exc:
        raise InputError(name, _os_reason(exc)) from None
    if len(data) > max_size:
        raise InputError(name, _too_big(len(data), max_size, at_least=True))
    return decode_bytes(data, name)


def _too_big(size: int, max_size: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"file is {more}{size:,} bytes, over the max-file-size limit of {max_size:,} bytes "
        "(raise `max-file-size` in the config to check it)"
    )


def decode_bytes(data: bytes, name: str) -> str:
    """Decode: BOM first, then UTF-8, then a detected encoding; binary is an error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                if encoding == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
                    # FF FE 00 00 is also UTF-16-LE's mark followed by a NUL character
                    continue
                raise InputError(name, f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"binary file ({what}), not text")
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16 is not None:
            try:
                return data.decode(utf16)
            except UnicodeDecodeError:
                pass
        if sample.count(b"\x00") > max(1, len(sample) // 100):
            # valid UTF-8 or not, text does not hold NUL bytes by the hundred (tar, SQLite, ...)
            raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    if b"\x00" in sample:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    if _has_utf8_sequences(data):
        # Valid multi-byte UTF-8 *and* invalid bytes: a file cut off mid-character or with
        # text pasted in another encoding. Guessing a legacy encoding for the whole file would
        # turn every correct character into mojibake, so say where it breaks instead.
        line = data.count(b"\n", 0, bad) + 1
        raise InputError(
            name,
            f"invalid UTF-8 at byte {bad:,} (line {line}, byte 0x{data[bad]:02X}): the file mixes "
            "encodings or was cut off mid-character; save it as UTF-8",
        )
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(name, "cannot decode: not UTF-8 and no other encoding fits")
    return str(best)


_ESCAPED = re.compile("[\udc80-\udcff]")  # invalid bytes under errors="surrogateescape"
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether ``data`` is mostly well-formed UTF-8 with some invalid bytes.

    Text in a legacy encoding (Latin-1, cp1252, KOI8-R, Shift_JIS) only now and
    then forms a valid multi-byte UTF-8 character by accident; a UTF-8 file that
    was cut off or had text pasted in another encoding is mostly valid ones.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    valid = len(_NON_ASCII.findall(text))
    return valid >= 2 and valid >= len(_ESCAPED.findall(text))


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" if ``sample`` looks like mostly-ASCII UTF-16 without a BOM.

    Such text has a NUL in (nearly) every other byte, which is also valid UTF-8
    and would otherwise be checked as prose with a NUL between every letter.
    """
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.6 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.6 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
