"""The one place that writes generated files: only when their content changed (so
Sphinx's incremental build rebuilds only what is new), each atomically (a page is
the old one or the new one, never cut off, whenever the writer is killed or the
power fails), and one writer at a time (``edition_lock``)."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping
from pathlib import Path

from sizheng_edition.errors import EditionError

TEMP_SUFFIX = ".edition-tmp"  # a file being written; left behind only by a killed run


def write_if_changed(path: Path, content: str) -> bool:
    """Write ``content`` to ``path`` unless it already holds exactly that; True if written."""
    data = content.encode("utf-8")
    try:
        if _holds(path, data):
            return False
        write_atomic(path, data)
    except OSError as err:
        raise EditionError(str(path), None, f"cannot write: {err.strerror or err}") from None
    return True


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write beside ``path``, flush to disk, then rename over it: readers, and a run
    killed at any point, see the whole old file or the whole new one.  ``durable=False``
    skips the flush to disk, for a file that proves itself whole when read (a cache
    entry with its digest): after a power cut it may be empty, never trusted."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_beside(path, data)
    try:
        # Without it a power cut after the rename can leave an empty page on some
        # file systems: the rename reaches the disk before the data.
        if durable:
            _fsync(temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` already holds exactly ``data`` (so it is left alone, and Sphinx
    does not rebuild it)."""
    return path.is_file() and path.read_bytes() == data


def _temp_beside(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``path`` (which no reader takes for a
    page), readable as pages are; its name."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o666 & ~_UMASK)  # mkstemp makes the file private; pages are not
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return temp


def _fsync(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def batch_atomic(*, syncfs: bool = True) -> Iterator[Callable[[Path, bytes], None]]:
    """Yield a ``write(path, data)`` that writes many files with ``write_atomic``'s
    guarantee at the cost of one flush to disk: each file is written beside its path
    (a temporary file, which no reader takes for a page); on leaving, every temporary
    file is flushed to disk (one ``syncfs`` of each file system they are on, else an
    fsync each), and only then renamed over its path.  A run killed or a power cut at
    any point leaves each path whole, old or new (or absent if it was), never cut off:
    no rename reaches the disk before the data it names.  On an error nothing is
    renamed and the temporary files are removed; a killed run's are removed by the
    next (``leftover_temps``)."""
    temps: list[tuple[str, Path]] = []
    made: set[Path] = set()

    def write(path: Path, data: bytes) -> None:
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        temps.append((_temp_beside(path, data), path))

    try:
        yield write
        if temps:
            _flush([temp for temp, _ in temps], made, syncfs=syncfs)
        for temp, path in temps:
            os.replace(temp, path)
    except BaseException:
        for temp, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        raise


def _flush(temps: list[str], folders: Iterable[Path], *, syncfs: bool) -> None:
    """Bring ``temps``' data to disk: one ``syncfs`` per file system ``folders`` lie on
    where Linux offers it, else an fsync per file."""
    syncfs_of = _libc_syncfs() if syncfs else None
    if syncfs_of is not None:
        done: set[int] = set()
        for folder in folders:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                device = os.fstat(fd).st_dev
                if device not in done:
                    if syncfs_of(fd) != 0:
                        err = _errno()
                        raise OSError(err, os.strerror(err), str(folder))
                    done.add(device)
            finally:
                os.close(fd)
        return
    for temp in temps:
        _fsync(temp)


@functools.cache
def _libc_syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs``, which Python's ``os`` does not offer; None elsewhere.  (ctypes
    is imported here, not on every run: 2 ms of a run that writes nothing.)"""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError):
        return None


def _errno() -> int:
    import ctypes

    return ctypes.get_errno()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


@contextlib.contextmanager
def edition_lock(edition: Path, *, shared: bool = False) -> Iterator[None]:
    """Hold the lock on ``edition`` (the folder itself, so no lock file lies in the
    tree): exclusive for writing, shared for reading.  A second ``generate`` waits for
    the first instead of racing it over the same files; ``check`` waits for a
    ``generate`` to finish rather than read a half-written tree.  The kernel releases
    the lock when its holder exits, even if it is killed."""
    try:
        fd = os.open(edition, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as err:
        raise EditionError(str(edition), None, f"cannot open the edition folder: {err.strerror}") from None
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another 'edition' run to finish with {edition}", file=sys.stderr, flush=True)
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def stale_pages(root: Path, managed: tuple[str, ...], files: Container[str]) -> list[str]:
    """Pages in the managed folders under ``root`` that the tools would not write."""
    return sorted(rel for rel in _names(root, managed, ".md") if rel not in files)


def leftover_temps(root: Path, managed: tuple[str, ...]) -> list[Path]:
    """Temporary files a killed run left in the managed folders."""
    return sorted(root / rel for rel in _names(root, managed, TEMP_SUFFIX))


def _names(root: Path, managed: tuple[str, ...], suffix: str) -> Iterator[str]:
    """The paths, relative to ``root`` and in POSIX form, of every entry in the managed
    folders whose name ends with ``suffix`` (as ``Path.rglob`` finds them, links to
    folders not followed; os.walk takes a tenth of its time over a thousand pages)."""
    for d in managed:
        for top, dirs, names in os.walk(root / d):
            here = Path(top).relative_to(root).as_posix()
            yield from (f"{here}/{name}" for name in (*dirs, *names) if name.endswith(suffix))


def sync_tree(
    root: Path,
    managed: tuple[str, ...],
    files: Mapping[str, str] | Iterable[tuple[str, str]],
    *,
    current: Collection[str] = (),
) -> tuple[list[str], list[str]]:
    """Make the managed folders under ``root`` hold exactly ``files`` and ``current``:
    ``files`` a mapping, or pairs of path and text made one at a time, so that no run
    need hold every page; ``current`` the paths the caller knows to hold their text
    already (``run_manifest.Manifest``), neither read nor written here.

    Returns (written, removed) relative paths, sorted.  Stale generated files are
    removed so a renamed article does not linger as an orphan page.  The caller
    holds ``edition_lock``.
    """
    for temp in leftover_temps(root, managed):
        temp.unlink(missing_ok=True)
    pairs = sorted(files.items()) if isinstance(files, Mapping) else files
    seen: set[str] = set(current)
    written = []
    try:
        # One flush to disk for all the pages written, not one each (``batch_atomic``).
        with batch_atomic() as write:
            for rel, text in pairs:
                if rel in seen:  # two renderers claiming one page: a bug, not bad input
                    raise ValueError(f"two generated pages at {rel}")
                seen.add(rel)
                path = root / rel
                data = text.encode("utf-8")
                try:
                    if _holds(path, data):
                        continue
                    write(path, data)
                except OSError as err:
                    raise EditionError(str(path), None, f"cannot write: {err.strerror or err}") from None
                written.append(rel)
    except OSError as err:  # flushing or renaming
        where = err.filename or root
        raise EditionError(str(where), None, f"cannot write: {err.strerror or err}") from None
    removed = stale_pages(root, managed, seen)
    for rel in removed:
        (root / rel).unlink(missing_ok=True)
    return sorted(written), removed
