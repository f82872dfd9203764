"""Stage 1: read input files into :class:`Article` objects.

Text files are decoded by detection (BOM, then UTF-8, then charset-normalizer), never by
guessing one encoding. Problems are collected, never raised, so one bad file does not
stop the rest.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from .documents import Article, LoadProblem, LoadResult

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_TEXT_BYTES = 20 * 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class LoadError(Exception):
    """An input that cannot be used; the message is the reason shown to the user."""


def decode_bytes(data: bytes) -> str:
    """Decode text by its BOM, else strict UTF-8, else the detected encoding."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("not text (no character encoding fits)")
    return str(best)


def normalize_text(text: str) -> str:
    """Unify line ends and drop control characters, which would make the .docx invalid."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in sample


def guess_title(lines: list[str], fallback: str) -> str:
    """The headline: a short line near the top, preferably one that is repeated.

    News exports often put a lede or kicker first and repeat the headline; a line
    that occurs twice near the top without a closing full stop is the best evidence.
    """
    top = [ln.strip() for ln in lines if ln.strip()][:6]
    top = [re.sub(r"^#+\s*", "", ln) for ln in top]

    def short(ln: str) -> bool:
        return 2 <= len(ln.split()) <= 22

    for ln in top:
        if short(ln) and top.count(ln) > 1 and not ln.endswith("."):
            return ln
    for ln in top[:3]:
        if short(ln) and not ln.endswith((".", ":", ";")):
            return ln
    if top and short(top[0]):
        return top[0]
    return fallback


def article_from_text(text: str, *, source_id: str, path: Path | None = None, url: str | None = None,
                      title: str | None = None, outlet: str | None = None, date: str | None = None) -> Article:
    text = normalize_text(text)
    if not text.strip():
        raise LoadError("empty (no text)")
    fallback = path.stem.replace("_", " ") if path else source_id
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    return Article(id=source_id, text=text, title=title or guess_title(text.splitlines(), fallback),
                   path=path, url=url, outlet=outlet, date=date, content_hash=digest)


def read_text_file(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise LoadError(f"too large ({size // (1024 * 1024)} MB; the limit is {MAX_TEXT_BYTES // (1024 * 1024)} MB)")
    data = path.read_bytes()
    if not data.strip():
        raise LoadError("empty (no text)")
    if looks_binary(data):
        raise LoadError("binary data, not text")
    return decode_bytes(data)


def load_file(path: Path, source_id: str) -> Article:
    """Read one file; raises :class:`LoadError` with a user-facing reason."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise LoadError(f"unsupported file type '{suffix or path.name}'")
    return article_from_text(read_text_file(path), source_id=source_id, path=path.resolve())


def iter_input_files(inputs: Iterable[str | os.PathLike[str]], problems: list[LoadProblem]) -> list[Path]:
    """Expand folders (recursively, following no symlink loops) into a sorted file list."""
    files: list[Path] = []
    seen_dirs: set[str] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=True):
                real = os.path.realpath(root)
                if real in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add(real)
                dirs.sort()
                for name in sorted(names):
                    if not name.startswith("."):
                        files.append(Path(root) / name)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            problems.append(LoadProblem(str(p), "not a regular file"))
        else:
            problems.append(LoadProblem(str(p), "no such file or folder"))
    return files


def load_inputs(inputs: Iterable[str | os.PathLike[str]]) -> LoadResult:
    """Load every usable input; every unusable one becomes a :class:`LoadProblem`."""
    result = LoadResult()
    for path in iter_input_files(inputs, result.problems):
        try:
            article = load_file(path, source_id=str(len(result.articles) + 1))
        except LoadError as exc:
            result.problems.append(LoadProblem(str(path), str(exc)))
        except (OSError, UnicodeError, ValueError) as exc:
            result.problems.append(LoadProblem(str(path), f"cannot be read ({exc.__class__.__name__}: {exc})"))
        else:
            result.articles.append(article)
    return result
