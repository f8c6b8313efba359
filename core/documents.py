"""Reading input: files, folders, stdin and JSON Lines into decoded documents.

Decoding is charset-normalizer's job; HTML goes through trafilatura. Each document that cannot
be read becomes an ``InputError`` naming its file (and line) and the reason.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from claimtrack.arabic_dates import DateValue
from claimtrack.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
META_KEYS = ("url", "published", "outlet", "title")
MAX_BYTES = 64 * 1024 * 1024


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


def decode(data: bytes, origin: str) -> str:
    if not data.strip():
        raise InputError(origin, "empty file")
    if len(data) > MAX_BYTES:
        raise InputError(origin, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
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
            if match is None:
                raise InputError(origin, "cannot detect the text encoding")
            text = str(match)
    else:
        match = from_bytes(data).best()
        text = str(match) if match is not None else data.decode("utf-16", errors="replace")
    if "\x00" in text:
        raise InputError(origin, "binary file (contains NUL bytes), not text")
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\t")
    if printable < 0.9 * len(text):
        raise InputError(origin, "binary file (mostly control characters), not text")
    if not text.strip():
        raise InputError(origin, "empty file")
    return text


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


def _jsonl_records(data: str, origin: str) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(data.splitlines(), start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "each line must be a JSON object")
            continue
        meta = {k: record[k] for k in META_KEYS if record.get(k) not in (None, "")}
        if isinstance(record.get("text"), str) and record["text"].strip():
            yield _from_text(record["text"], where, meta, is_html=False)
        elif isinstance(record.get("html"), str) and record["html"].strip():
            try:
                yield html_to_document(record["html"], where, **meta)
            except InputError as exc:
                yield exc
        else:
            yield InputError(where, 'the record has no "text" or "html"')


def expand_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Files to read, folders walked recursively in a stable order."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                name = child.name
                if not child.is_file() or name.startswith(".") or name.endswith(META_SUFFIX):
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
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            suffix = ""
            meta: dict[str, Any] = {}
        else:
            p = Path(path)
            data = p.read_bytes()
            suffix = p.suffix.lower()
            meta = _read_meta(p) if suffix not in JSONL_SUFFIXES else {}
        text = decode(data, origin)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(origin, exc.strerror or str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_records(text, origin)
        return
    try:
        yield _from_text(text, origin, meta, is_html=suffix in HTML_SUFFIXES)
    except InputError as exc:
        yield exc
