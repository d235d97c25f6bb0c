"""``generate``'s per-source cache (edge): one file per seed, found by the hash of
everything that source's results depend on, so an editor's loop rebuilds only the
sources whose seed, plan, glossary or tools changed.  Beside them, stored and checked
the same way (``pipeline.py``): the glossary's checked model, the plans' (one file for
all, ``cached_inputs.PlanModels``), the shared pages, and the manifest of the pages the
last run left.

It lives beside the glossary's pinyin cache, in the user's cache directory
(``$SIZHENG_EDITION_CACHE``, else ``$XDG_CACHE_HOME/sizheng-edition``, else
``~/.cache/sizheng-edition``), one folder per project: outside the repository, it holds
nothing a project does not hold itself.

An entry is the SHA-256 of its key and payload, then the payload.  An entry is never
trusted: one whose digest does not match (another key, because an input changed; or a
file cut off or damaged) is a miss, and its payload is not even read; one that matches
is unpickled by an unpickler that can make only the edition's own data classes and
enums, never call a function, so a file crafted to match still cannot run code; and
one that does not unpickle into the expected type is a miss too.  A miss is rebuilt and
stored again.  Entries are written atomically (``output.write_atomic``); a cache that
cannot be written only costs the time it would have saved.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import importlib
import io
import os
import pickle
import re
import shutil
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from sizheng_edition.load.pinyin_cache import cache_dir
from sizheng_edition.output import write_atomic

FORMAT = b"sources-2"  # raise when what an entry holds changes
_PACKAGE = Path(__file__).resolve().parent
_PREFIX = "sizheng_edition."
_DIGEST = hashlib.sha256().digest_size
ROOT_FILE = "project.txt"  # in each project's folder: the root it belongs to
LEGACY_PLANS = "plans"  # where an earlier version kept each plan's model, one file each

T = TypeVar("T")


# The distributions whose code or data a source's pages depend on: OpenCC's tables, the
# YAML parser, the pinyin libraries and the schema validators (which decide what is
# refused).  Their versions are read from the names of their ``.dist-info`` folders on
# ``sys.path``, as ``importlib.metadata`` finds them: importing that module alone cost
# 15 ms of a 0.6 s generate, reading all installed distributions 50 ms.
DEPENDENCIES = ("opencc", "PyYAML", "pypinyin", "jieba", "jsonschema", "fastjsonschema")


@cache
def tool_fingerprint() -> bytes:
    """The tools' own version: every module's source (a package version is not bumped
    by every edit), the Python version and the versions of ``DEPENDENCIES``."""
    h = hashlib.sha256(FORMAT + b"\0" + sys.version.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".json", ".txt", ".yaml"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    h.update(" ".join(f"{d}=={_version(d)}" for d in DEPENDENCIES).encode())
    return h.digest()


def _version(dist: str) -> str:
    return _installed().get(_normal(dist), "absent")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@cache
def _installed() -> dict[str, str]:
    """Each distribution's version by its normalised name: the first found on
    ``sys.path``, as Python imports it."""
    found: dict[str, str] = {}
    for folder in sys.path:
        with contextlib.suppress(OSError):
            for name in sorted(os.listdir(folder or ".")):
                if name.endswith((".dist-info", ".egg-info")):
                    dist, _, version = name.rsplit(".", 1)[0].partition("-")
                    found.setdefault(_normal(dist), version.partition("-")[0] or "unknown")
    return found


def entry_key(*parts: bytes) -> bytes:
    """The key of an entry: the tools' fingerprint and the given inputs, each
    length-prefixed so that no two different lists of inputs hash the same bytes."""
    h = hashlib.sha256(tool_fingerprint())
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.digest()


def project_dir(root: Path) -> Path:
    """The folder of one project's entries, named by its resolved root, so that two
    checkouts never share (or fight over) entries."""
    name = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_dir() / "sources" / name


def prune(root: Path, stems: Iterable[str]) -> None:
    """Remove what no run will read again: this project's entries for seeds it no
    longer has, and the folders of projects that no longer exist (a test's temporary
    copy, a deleted checkout), so that the cache does not grow without end.  Each
    folder names its project in ``ROOT_FILE``; one without it is left alone."""
    here = project_dir(root)
    keep = set(stems)
    with contextlib.suppress(OSError):
        for entry in here.glob("*.pickle"):
            if entry.stem not in keep:
                entry.unlink(missing_ok=True)
        shutil.rmtree(here / LEGACY_PLANS, ignore_errors=True)
        if not (here / ROOT_FILE).is_file():
            write_atomic(here / ROOT_FILE, str(root.resolve()).encode("utf-8"))
        for folder in here.parent.iterdir():
            owner = folder / ROOT_FILE
            if folder != here and owner.is_file() and not Path(owner.read_text(encoding="utf-8")).is_dir():
                shutil.rmtree(folder, ignore_errors=True)


def load(path: Path, key: bytes, kind: type[T]) -> T | None:
    """The ``kind`` stored at ``path`` under ``key``, or None when there is none, it was
    stored under another key, the file is damaged, or it holds anything else."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return unseal(data, key, kind)


def store(path: Path, key: bytes, value: object) -> None:
    store_payload(path, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def store_payload(path: Path, key: bytes, payload: bytes) -> None:
    """``store`` of a value already pickled (``pickle.HIGHEST_PROTOCOL``)."""
    # A read-only or full cache directory: the next run builds the source again.
    with contextlib.suppress(OSError):
        # Not flushed to disk (300 fsyncs were a tenth of a cold generate): a power cut
        # can leave an entry empty or cut off, which its digest refuses.
        write_atomic(path, _sealed(key, payload), durable=False)


def seal(key: bytes, value: object) -> bytes:
    """``value`` as an entry holds it: the SHA-256 of key and payload, then the payload."""
    return _sealed(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _sealed(key: bytes, payload: bytes) -> bytes:
    return hashlib.sha256(key + payload).digest() + payload


def unseal(data: bytes, key: bytes, kind: type[T]) -> T | None:
    """The ``kind`` ``seal`` made of ``data`` under ``key``, or None (another key, damaged
    bytes, anything else)."""
    digest, payload = data[:_DIGEST], data[_DIGEST:]
    if digest != hashlib.sha256(key + payload).digest():
        return None
    try:
        value = _DataUnpickler(io.BytesIO(payload)).load()
    except Exception:  # a class renamed since, a refused global: a miss, not an error
        return None
    return value if isinstance(value, kind) else None


class _DataUnpickler(pickle.Unpickler):
    """Makes only the edition's data: dataclasses and enums of this package.  Every
    other global (a function, a builtin such as ``eval``) is refused, and pickle can
    call nothing but a global it was given."""

    def find_class(self, module: str, name: str) -> type:
        if module.startswith(_PREFIX) and "." not in name:
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"refused: {module}.{name}")
