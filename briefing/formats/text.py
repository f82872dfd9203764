"""Plain text (.txt, .md): the encoding is detected, never guessed.

Byte-order mark first, then strict UTF-8, then UTF-16 without a mark (recognised by its
zero bytes), then UTF-8 with a few Windows-1252 bytes pasted in, then charset-normalizer.
The text is kept as it stands, so each sentence taken from it is a substring of the
file; only line ends and control characters change.
"""
from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from .base import Extracted, LoadError, LoadLimits, read_at_most, sniff

SUFFIXES = (".txt", ".md", ".markdown", ".text")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Characters XML 1.0 forbids (so a .docx holding them is invalid) and other controls
# no reader wants; tab and line ends are kept.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a mark: nearly every other byte is zero on one side only."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / max(len(odd), 1)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        codec = "utf-16-le"
    elif zeros_even > 0.3 and zeros_odd < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _mostly_controls(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > 0.2 * len(sample)


# Encodings still written today; DOS and Mac code pages fit short Western text as well
# as Windows-1252 does, so the detector is not allowed to offer them.
_CURRENT_ENCODINGS = frozenset(
    ["cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "latin_1",
     "koi8_r", "koi8_u", "cp874", "tis_620", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "gb2312", "gbk",
     "gb18030", "big5", "big5hkscs", "euc_kr", "cp949", "utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32"]
    + [f"iso8859_{n}" for n in range(2, 17)])
# Characters that, next to letters, show a wrong single-byte code page ("poniedzia³ek").
_ODD = frozenset("¹²³¤¦¨¯´¸¼½¾ªº¬µ¶þÞðÐ")


def _oddity(text: str) -> float:
    """Share of the non-ASCII characters that would be odd in real text."""
    high = odd = 0
    for i, c in enumerate(text):
        if c < "\x80":
            continue
        high += 1
        if c in _ODD or (not c.isalpha() and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
            odd += 1
    return odd / high if high else 0.0


def _detected(data: bytes) -> str | None:
    """Decode with charset-normalizer's measures, weighed for the encodings news text comes in.

    Short single-byte text gives the detector little evidence, and it then returns some
    code page that fits as well as any (Hungarian, Baltic, DOS). Among current encodings,
    the one with the most coherent, least chaotic and least odd text wins; Windows code
    pages win ties over ISO ones, and Windows-1252, by far the commonest, wins ties over all.
    """
    from charset_normalizer import from_bytes

    sample = data[:200_000]
    matches = [m for m in from_bytes(sample) if m.encoding in _CURRENT_ENCODINGS]
    if not any(m.encoding == "cp1252" for m in matches):
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            matches += list(from_bytes(sample, cp_isolation=["cp1252"]))
    if not matches:
        return None

    def score(m) -> float:
        bonus = 0.02 if m.encoding == "cp1252" else 0.005 if m.encoding.startswith("cp125") else 0.0
        return m.coherence - m.chaos - 0.3 * _oddity(str(m)) + bonus

    best = max(matches, key=score)
    try:
        return data.decode(best.encoding, errors="replace")  # past the sample, a stray byte is no reason to refuse
    except LookupError:
        return None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _cp1252_for_stray_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("briefing-cp1252", _cp1252_for_stray_bytes)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few Windows-1252 bytes pasted in (a curly quote from a word
    processor), decoded as both; None when the bytes are mostly not UTF-8.

    Decoding such a file as Windows-1252 would turn every accented name into "Ã©".
    """
    rest, sequences = _UTF8_SEQUENCE.subn(b"", data)
    if sequences < 2:  # one "ß“" in Windows-1252 text is valid UTF-8 by chance
        return None
    stray = len(rest) - len(rest.translate(None, _HIGH_BYTES))
    return data.decode("utf-8", errors="briefing-cp1252") if stray <= sequences else None


def decode_bytes(data: bytes) -> str:
    """Decode text by its byte-order mark, else strict UTF-8, else UTF-8 with stray
    Windows-1252 bytes, else the detected encoding."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(f"damaged text: it is marked as {codec.upper()} but is not") from exc
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data[:4096]:
            raise LoadError(f"binary data, not text{_what(data)}") from None
    else:
        if _mostly_controls(text):
            raise LoadError(f"binary data, not text{_what(data)}")
        return text
    text = _mixed_utf8(data) or _detected(data)
    if text is None or _mostly_controls(text):
        raise LoadError(f"binary data, not text{_what(data)}")
    return text


def decode_declared(data: bytes, charset: str) -> str:
    """Text in the charset its source declared (a server, a <meta> tag); detected when the
    declaration is wrong."""
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return decode_bytes(data)


def _what(data: bytes) -> str:
    what = sniff(data)
    return f" (it looks like {what})" if what else ""


def looks_binary(data: bytes) -> bool:
    """Zero bytes in the first 4 KB, unless it is UTF-16 or UTF-32 text."""
    sample = data[:4096]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in sample and _utf16_without_bom(sample[: len(sample) // 2 * 2]) is None


def normalize_text(text: str) -> str:
    """Unify line ends and drop control characters, which would make the .docx invalid."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATORS.sub("\n", text)
    return _CONTROL.sub("", text)


def one_line(value: str | None, limit: int = 300) -> str | None:
    """A metadata value (title, outlet, date) as one clean line, or None when empty."""
    if value is None:
        return None
    value = _SPACES.sub(" ", _CONTROL.sub("", str(value))).strip()
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value or None


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines back into paragraphs (PDF pages, e-mails wrapped at 72 columns).

    A short line, a blank line or a list item ends a paragraph. So does a line that ends
    a sentence with room to spare for the next line's first word: a writer who stopped
    there had ended the paragraph ("... without being asked." then "Adler's team ...").
    A headline is kept apart from a byline or dateline under it ("... Other Ideas" then
    "By Petra Aaltonen"). Lines of format=flowed mail (a trailing space) always go on.
    Later stages read one line as one paragraph, so without this a sentence would be cut
    at every line end.
    """
    raws = text.split("\n")
    lines = [ln.rstrip() for ln in raws]
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    if not lengths:
        return ""
    width = max(lengths[int(len(lengths) * 0.9)] if len(lengths) > 1 else lengths[0], 40)
    out: list[str] = []
    joining = False
    for i, (raw, line) in enumerate(zip(raws, lines)):
        stripped = line.strip()
        if not stripped:
            out.append("")
            joining = False
            continue
        if joining and out and not _LIST_ITEM.match(stripped):
            if out[-1].endswith("-") and out[-1][-2:-1].isalpha() and stripped[:1].islower():
                out[-1] = out[-1] + stripped
            else:
                out[-1] = out[-1] + " " + stripped
        else:
            out.append(stripped)
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        next_word = following.split()[0] if following else ""
        stopped_short = (_SENTENCE_CLOSE.search(stripped) is not None
                         and len(line) + 1 + len(next_word) <= WRAP_FIT * width)
        over_byline = bool(_BYLINE_OR_DATELINE.match(following)) and headline_case(stripped)
        joining = raw.endswith(" ") or (len(line) >= 0.7 * width and not stopped_short and not over_byline)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


# Proportional fonts fit more or fewer characters on a line than the text's usual
# width; a line ends a paragraph early only when it and the next word would have filled
# no more than this share of the width, and the line ends a sentence (a justified line
# full of capitals holds few characters but goes on).
WRAP_FIT = 0.95
_SENTENCE_CLOSE = re.compile("[.!?:][\"'\u201d\u2019)]?$")
_BYLINE_OR_DATELINE = re.compile(r"(?:By|BY)\s+[A-Z]|[A-Z][A-Z.'\u2019-]{2,}(?:\s[A-Z][A-Z.'\u2019-]+)*\s*(?:,|\u2014|\u2013|-\s)")
_HEADLINE_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs via".split())


def headline_case(line: str) -> bool:
    """Is the line in headline case ("Halden Has a Plan for Adler"): at least three words,
    every word but the small ones capitalised, no closing full stop? A prose line full of
    names can be too, so this is only asked of a line above a byline or dateline."""
    words = re.findall(r"[^\W\d_][\w\u2019'-]*", line)
    if len(words) < 3 or line.rstrip().endswith((".", ",", ";", ":")):
        return False
    big = [w for w in words if w.lower() not in _HEADLINE_SMALL_WORDS]
    return bool(big) and all(w[0].isupper() for w in big)


_LIST_ITEM = re.compile(r"^(?:[-*•–·]\s|\d{1,3}[.)]\s)")


def read(stream: BinaryIO, limits: LoadLimits) -> Extracted:
    data = read_at_most(stream, limits.max_file_bytes)
    if not data.strip():
        raise LoadError("empty (no text)")
    return Extracted(text=decode_bytes(data))
