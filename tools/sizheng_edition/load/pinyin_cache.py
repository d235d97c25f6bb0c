"""The glossary's pinyin, kept between runs, so that a generate whose glossary has not
changed neither imports pypinyin nor loads jieba's dictionary (together about 0.8 s,
most of a generate of the real edition).

The cache is one small JSON file per glossary text, named by a hash of everything the
pinyin depends on: the glossary's text, the versions of pypinyin and jieba, and the
code that turns their output into display pinyin (``text/pinyin.py``).  Any change to
one of them names another file, so an entry is never stale; a file that cannot be read
or does not hold what it should is ignored and the pinyin computed again.  Only a
glossary that loaded without error is cached.

It lives in the user's cache directory (``$SIZHENG_EDITION_CACHE``, else
``$XDG_CACHE_HOME/sizheng-edition``, else ``~/.cache/sizheng-edition``): it holds
nothing a project does not hold itself, and a cache that cannot be written only costs
the time it would have saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

from sizheng_edition.output import write_atomic
from sizheng_edition.text import pinyin

FORMAT = 1  # raise when what is stored changes


def cache_dir() -> Path:
    explicit = os.environ.get("SIZHENG_EDITION_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sizheng-edition"


def _version(dist: str) -> str:
    from importlib import metadata  # 15 ms: only when the glossary is read, not from a cache

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_path(glossary_text: str) -> Path:
    digest = hashlib.sha256()
    code = Path(pinyin.__file__).read_bytes()
    for part in (str(FORMAT), _version("pypinyin"), _version("jieba"), code.decode("utf-8"), glossary_text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return cache_dir() / f"pinyin-{digest.hexdigest()[:32]}.json"


def read(path: Path) -> dict[str, str] | None:
    """Term → display pinyin, or None if there is no usable cache at ``path``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        return None
    return data


def write(path: Path, readings: Mapping[str, str]) -> None:
    data = json.dumps(dict(readings), ensure_ascii=False, sort_keys=True, indent=0)
    # A read-only or full cache directory: the next run computes the pinyin again.
    with contextlib.suppress(OSError):
        write_atomic(path, data.encode("utf-8"))
