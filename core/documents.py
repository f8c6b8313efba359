"""Reading input: files, folders, stdin and JSON Lines into decoded documents.

Decoding is charset-normalizer's job; HTML goes through trafilatura. Each document that cannot
be read becomes an ``InputError`` naming its file (and line) and the reason.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from claimtrack.arabic_dates import DateValue
from claimtrack.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
META_KEYS = ("url", "published", "outlet", "title")
# What binary data decoded as text is full of: control characters and replacement marks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
# One document (a file, or one line of JSON Lines): news articles are tens of kilobytes and
# saved pages a few megabytes; past this it is not an article, and reading it would only
# hold up the run. A JSON Lines file as a whole may be any size: it is read a line at a time.
MAX_BYTES = 16 * 1024 * 1024


@dataclass
class RawDocument:
    """A decoded input document before any outlet-specific work."""

    origin: str  # file path, "file.jsonl:12" or "<stdin>"
    text: str  # the text that will be stored; every span points into it
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as supplied by the user or the page
    outlet: str | None = None  # as supplied by the user; None means "sniff it"
    html: str | None = None
    warnings: list[str] = field(default_factory=list)  # about reading it, shown to the user


@dataclass
class CleanDocument:
    """A document after its outlet's boilerplate is marked out."""

    text: str  # same as RawDocument.text
    outlet: str
    title: str | None
    body: list[tuple[int, int]]  # kept blocks, spans into text
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, why)
    published: DateValue | None = None  # publication date, once known
    url: str | None = None
    language: str = "ar"
    dateline: str | None = None

    def kept(self) -> Iterator[tuple[int, int, str]]:
        for start, end in self.body:
            yield start, end, self.text[start:end]


def prepare_text(text: str) -> str:
    """Canonical stored form: NFC, Unix newlines, no BOM, no NUL."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _too_large(size: int) -> str:
    return (f"{size / (1024 * 1024):.1f} MB is more than the {MAX_BYTES // (1024 * 1024)} MB "
            "one document may have")


def decode(data: bytes, origin: str) -> str:
    return decode_with_warnings(data, origin)[0]


def decode_with_warnings(data: bytes, origin: str) -> tuple[str, list[str]]:
    """The text of ``data`` and what the reader should know about how it was decoded."""
    warnings: list[str] = []
    if not data.strip():
        raise InputError(origin, "empty file")
    if len(data) > MAX_BYTES:
        raise InputError(origin, _too_large(len(data)))
    bom_utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if not bom_utf16:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        if text is None:
            if b"\x00" in data:
                raise InputError(origin, "binary file (contains NUL bytes), not text")
            match = from_bytes(data).best()
            if match is not None:
                text = str(match)
            else:
                # Mostly UTF-8 with a few stray bytes (a paste from another encoding, a cut
                # multi-byte character): keep the article, mark the bytes, say so.
                text = data.decode("utf-8", errors="replace")
                bad = text.count("\ufffd")
                if bad > max(8, len(text) // 100):
                    raise InputError(origin, "cannot detect the text encoding (not UTF-8, "
                                     "and no other encoding fits)")
                warnings.append(f"{bad} byte sequence(s) that are not UTF-8 were replaced "
                                "by U+FFFD")
    else:
        match = from_bytes(data).best()
        text = str(match) if match is not None else data.decode("utf-16", errors="replace")
    if "\x00" in text:
        raise InputError(origin, "binary file (contains NUL bytes), not text")
    if len(_CONTROL.findall(text)) > 0.1 * len(text):
        raise InputError(origin, "binary file (mostly control characters), not text")
    if not text.strip():
        raise InputError(origin, "empty file")
    return text, warnings


def html_to_document(html: str, origin: str, **meta: Any) -> RawDocument:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(origin, "no article text found in the HTML page")
    title = getattr(extracted, "title", None)
    text = prepare_text(f"{title}\n\n{body}" if title else body)
    return RawDocument(
        origin=origin,
        text=text,
        html=html,
        title=meta.get("title") or title,
        url=meta.get("url") or getattr(extracted, "url", None),
        published=meta.get("published") or getattr(extracted, "date", None),
        outlet=meta.get("outlet"),
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _from_text(text: str, origin: str, meta: dict[str, Any], is_html: bool) -> RawDocument:
    if is_html or _looks_like_html(text):
        return html_to_document(text, origin, **meta)
    return RawDocument(
        origin=origin,
        text=prepare_text(text),
        url=meta.get("url"),
        title=meta.get("title"),
        published=meta.get("published"),
        outlet=meta.get("outlet"),
    )


def _read_meta(path: Path) -> dict[str, Any]:
    meta_path = path.with_name(path.name.rsplit(".", 1)[0] + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(str(meta_path), f"sidecar is not valid JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), "sidecar must be a JSON object")
    return {k: meta[k] for k in META_KEYS if meta.get(k) not in (None, "")}


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | int]:
    """The lines of ``stream``; a line over ``MAX_BYTES`` comes as its length, never read whole."""
    while line := stream.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield size + len(rest)


def _jsonl_records(lines: Iterable[bytes | int], origin: str
                   ) -> Iterator[RawDocument | InputError]:
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if isinstance(raw, int) or len(raw) > MAX_BYTES:
            size = raw if isinstance(raw, int) else len(raw)
            yield InputError(where, _too_large(size))
            continue
        if not raw.strip():
            continue
        warnings = []
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            # JSON Lines are UTF-8 by definition: guessing a single-byte encoding for one line
            # would store noise. A few stray bytes are replaced; more make the line an error.
            line = raw.decode("utf-8", errors="replace")
            bad = line.count("\ufffd")
            if bad > max(8, len(line) // 100):
                yield InputError(where, "not UTF-8, as JSON Lines must be; convert the file")
                continue
            warnings.append(f"{bad} byte sequence(s) that are not UTF-8 were replaced by "
                            "U+FFFD")
        for item in _jsonl_record(line, where):
            if isinstance(item, RawDocument):
                item.warnings += warnings
            yield item


def _jsonl_record(line: str, where: str) -> Iterator[RawDocument | InputError]:
    try:
        record = json.loads(line)
    except ValueError as exc:
        reason = getattr(exc, "msg", None) or str(exc)
        yield InputError(where, f"malformed JSON ({reason})")
        return
    if not isinstance(record, dict):
        yield InputError(where, "each line must be a JSON object")
        return
    meta = {k: record[k] for k in META_KEYS if record.get(k) not in (None, "")}
    bad = [k for k, v in meta.items() if not isinstance(v, str)]
    if bad:
        yield InputError(where, f'"{bad[0]}" must be a string')
        return
    try:
        if isinstance(record.get("text"), str) and record["text"].strip():
            text = record["text"]
            if "\x00" in text:
                raise InputError(where, "binary text (contains NUL characters)")
            yield _from_text(text, where, meta, is_html=False)
        elif isinstance(record.get("html"), str) and record["html"].strip():
            yield html_to_document(record["html"], where, **meta)
        else:
            yield InputError(where, 'the record has no "text" or "html"')
    except InputError as exc:
        yield exc


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in a stable order, one directory listing in memory at a time."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            yield Path(root) / name


def expand_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Files to read, folders walked recursively in a stable order."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                name = child.name
                if name.startswith(".") or name.endswith(META_SUFFIX):
                    continue
                if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield str(child)
        elif path.is_file():
            yield str(path)
        else:
            yield InputError(raw, "no such file or folder")


def read_documents(path: str) -> Iterator[RawDocument | InputError]:
    """Yield the documents in one file (several for JSON Lines), or the error for each."""
    origin = "<stdin>" if path == "-" else path
    suffix = "" if path == "-" else Path(path).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(Path(path))
            return
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            meta: dict[str, Any] = {}
        else:
            p = Path(path)
            size = p.stat().st_size
            if size > MAX_BYTES:  # refused before it is read into memory
                raise InputError(origin, _too_large(size))
            data = p.read_bytes()
            meta = _read_meta(p)
        text, warnings = decode_with_warnings(data, origin)
        document = _from_text(text, origin, meta, is_html=suffix in HTML_SUFFIXES)
        document.warnings += warnings
        yield document
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(origin, exc.strerror or str(exc))


def _read_jsonl(path: Path) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    with path.open("rb") as stream:
        start = stream.read(8192)
        head = start[:2]
        stream.seek(0)
        if not start.strip():
            yield InputError(origin, "empty file")
            return
        if b"\x00" in start and head not in (b"\xff\xfe", b"\xfe\xff"):
            yield InputError(origin, "binary file (contains NUL bytes), not JSON Lines")
            return
        if head in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 cannot be split on b"\n": decode whole
            size = path.stat().st_size
            if size > MAX_BYTES:
                yield InputError(origin, "UTF-16 JSON Lines file of " + _too_large(size)
                                 + "; convert it to UTF-8")
                return
            text = decode(stream.read(), origin)
            lines: Iterable[bytes] = (line.encode("utf-8") for line in text.splitlines())
            yield from _jsonl_records(lines, origin)
            return
        yield from _jsonl_records(_bounded_lines(stream), origin)
