"""The whole pipeline: every seed read and built with its plan, and the glossary read
(``load_all``, for ``check``'s proofs); and every page rendered, source by source through
a per-source cache (``render_edition``, for ``generate``).

Sources are built one after the other in this process.  A process pool was measured on
the 2-core machine the edition is made on (docs/benchmark.md): at 100 synthetic sources
it took 2.0-3.0 s against 0.8-1.7 s without, because the parent spent longer unpickling
the workers' cells than the workers saved.

What ``generate`` reads on every run is kept light, for the editor's loop (one source
changed): the glossary's typed model comes from the cache while ``glossary.yaml`` is
unchanged (no YAML parser, no schema validator imported), and the shared pages too
while what they read of the sources (``Rendered.summary`` and the occurrences, whose
digest each entry carries) and the glossary are unchanged.  Building and rendering
import their modules only when a source must be built."""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sizheng_edition import pipeline_cache
from sizheng_edition.cached_inputs import PlanCache, cached_glossary
from sizheng_edition.errors import EditionError
from sizheng_edition.load.files import read_input, require_dir, require_file
from sizheng_edition.load.names import ArticleName, check_article_ids, check_seed_names, reserved_reason
from sizheng_edition.load.quotations import check_quotations
from sizheng_edition.model.edition import Block, EditionSource, Supplied
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.model.plan import Plan
from sizheng_edition.output import sync_tree
from sizheng_edition.project import ProjectPaths
from sizheng_edition.render.concordance import Occurrence
from sizheng_edition.render.page_paths import GENERATED_DIRS
from sizheng_edition.run_manifest import Manifest, load_manifest, page_stat, store_manifest, unchanged
from sizheng_edition.text.chars import han_only

if TYPE_CHECKING:  # imported where used: a generate with every source cached needs none
    from sizheng_edition.render.pages import SourcePages
    from sizheng_edition.text.termmatch import TermMatcher

# Beside the sources' *.pickle entries, never pruned as one of them.
SHARED_ENTRY = "shared.model"


def load_edition(paths: ProjectPaths) -> list[EditionSource]:
    """Read every seed and its plan; each seed must have exactly one plan, and the
    names across them (seed keys, article ids) must not clash."""
    jobs = _jobs(paths)
    sources = [_convert(job) for job in jobs]
    check_article_ids(_article_names(jobs, sources))
    return sources


def _jobs(paths: ProjectPaths) -> list[_Job]:
    require_dir(paths.root, "project root")
    paths.require_project()
    seeds = sorted(paths.seeds.glob("*.txt"))
    if not seeds:
        raise EditionError(str(paths.seeds), None, "no seed files (*.txt)")
    check_seed_names(seeds)
    plans = {p.name for p in paths.plans.glob("*.yaml")}
    jobs = [_Job(seed, paths.plan_for(seed)) for seed in seeds]
    for job in jobs:
        require_file(job.seed, "witness")
        if job.plan.name not in plans:
            raise EditionError(str(job.seed), None, f"no plan: write {job.plan}")
        require_file(job.plan, "plan")
    for name in sorted(plans - {job.plan.name for job in jobs}):
        raise EditionError(str(paths.plans / name), None, "plan has no seed file")
    return jobs


def _article_names(jobs: list[_Job], sources: list[EditionSource]) -> list[ArticleName]:
    """Each article's id with its plan; the plan line is looked up only for a plan
    whose ids need it (an id reserved or used twice), so the usual case reads no plan again."""
    wanted = _suspect_ids(sources)
    names = []
    for job, src in zip(jobs, sources, strict=True):
        lines: dict[str, int | None] = {}
        if any(a.id in wanted for a in src.articles):
            from sizheng_edition.load.plan import load_plan

            lines = {a.id: a.yaml_line for a in load_plan(job.plan).articles}
        names += [ArticleName(a.id, src.source.key, str(job.plan), lines.get(a.id)) for a in src.articles]
    return names


def _suspect_ids(sources: list[EditionSource]) -> set[str]:
    ids = [a.id for src in sources for a in src.articles]
    return {i for i in ids if ids.count(i) > 1 or reserved_reason(i)}


@dataclass(frozen=True)
class _Job:
    """One seed and its plan."""

    seed: Path
    plan: Path


def _convert(job: _Job) -> EditionSource:
    from sizheng_edition.build.source import build_source
    from sizheng_edition.load.plan import load_plan
    from sizheng_edition.load.seeds import read_source

    return build_source(read_source(job.seed), load_plan(job.plan))


def load_all(paths: ProjectPaths) -> tuple[list[EditionSource], Glossary]:
    sources = load_edition(paths)
    require_file(paths.glossary, "glossary")
    from sizheng_edition.load.glossary import load_glossary

    glossary = load_glossary(paths.glossary)
    check_quotations(glossary, (a for src in sources for a in src.articles))
    return sources, glossary


@dataclass(frozen=True)
class Rendered:
    """One source done, as the cache keeps it: what the shared pages read of the
    source (``summary``: its headings and the text of its blocks, not their cells),
    the glossary's occurrences in it, and its own pages, compressed (a tenth of their
    size), so that thousands of sources fit in memory until the shared pages are made."""

    summary: EditionSource
    occurrences: tuple[Occurrence, ...]
    packed: bytes
    shared: bytes  # the digest of what the shared pages read: ``_pages_view``, occurrences
    checked: bytes  # the digest of what the checks across sources read: the summary

    @classmethod
    def of(cls, src: EditionSource, done: SourcePages, glossary: Glossary) -> Rendered:
        pages = json.dumps(done.files, ensure_ascii=False).encode("utf-8")
        summary = _summary(src, glossary)
        whole = _pickled(summary)
        view = _pages_view(summary)
        # A pickle ends itself (STOP), so the two pickles joined read back one way only.
        seen = (whole if view is summary else _pickled(view)) + _pickled(done.occurrences)
        shared = hashlib.sha256(seen).digest()
        return cls(summary, done.occurrences, zlib.compress(pages, 1), shared, hashlib.sha256(whole).digest())

    def files(self) -> dict[str, str]:
        pages = json.loads(zlib.decompress(self.packed).decode("utf-8"))
        if not isinstance(pages, dict):  # only a cache entry from a bug could hold else
            raise TypeError("packed pages are not a mapping")
        return pages


@dataclass(frozen=True)
class _Done:
    """A source loaded from its entry or built in this run."""

    job: _Job
    key: bytes
    rendered: Rendered

    @property
    def shared(self) -> bytes:
        return self.rendered.shared

    @property
    def checked(self) -> bytes:
        return self.rendered.checked


@dataclass(frozen=True)
class _Known:
    """A source whose entry key is the one the last ``generate`` wrote its pages from
    (``Manifest``): its entry is read only if its pages or the shared pages need it."""

    job: _Job
    key: bytes
    shared: bytes
    checked: bytes
    pages: tuple[str, ...]


_Slot = _Done | _Known


@dataclass(frozen=True)
class Edition:
    """Every page ``generate`` writes, and the seeds that had to be built (the rest
    came from the cache)."""

    sources: tuple[_Slot, ...]
    shared: dict[str, str]
    building: list[str]  # seed file names, as they are built (also while writing)
    shared_key: bytes
    checked_key: bytes
    manifest: Manifest
    resolve: Callable[[_Slot], Rendered]

    @property
    def built(self) -> tuple[str, ...]:
        return tuple(self.building)

    def files(self) -> Iterator[tuple[str, str]]:
        for src in self.sources:
            yield from self.resolve(src).files().items()
        yield from self.shared.items()


def render_edition(paths: ProjectPaths) -> Edition:
    """Every page ``generate`` writes; a source is built and rendered only when the
    cache holds no entry for its seed, plan, glossary and tools, byte for byte."""
    jobs = _jobs(paths)
    require_file(paths.glossary, "glossary")
    glossary_bytes = read_input(paths.glossary, "glossary")
    glossary_digest = hashlib.sha256(glossary_bytes).digest()  # hashed once, not with every source
    folder = pipeline_cache.project_dir(paths.root)
    glossary = cached_glossary(paths, glossary_bytes, folder)
    # Whether the model is that of these bytes, which key every source's entry: not if the
    # glossary was saved while it was being read.  Asked once: the model does not change
    # during the run (read again for each source, 196 KB x 300 were 0.025 s).
    glossary_held = read_input(paths.glossary, "glossary") == glossary_bytes
    manifest = load_manifest(paths)
    plans = PlanCache(folder, paths.root)
    matcher: list[TermMatcher] = []  # built at the first miss: a run of hits needs none

    def shared_matcher() -> TermMatcher:
        if not matcher:
            from sizheng_edition.text.termmatch import TermMatcher

            matcher.append(TermMatcher(glossary.surfaces()))
        return matcher[0]

    built: list[str] = []

    def load_or_build(job: _Job, key: bytes, seed: bytes, plan: bytes) -> Rendered:
        entry = folder / f"{job.seed.stem}.pickle"
        hit = pipeline_cache.load(entry, key, Rendered)
        if hit is None:
            made = _render(job, seed, shared_matcher, glossary, plans.plan(job.plan, job.seed.stem, plan))
            payload = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
            # Stored only if the files still hold what the key was made of: an editor
            # saving during the run must not leave a result filed under the wrong text.
            if glossary_held and read_input(job.plan, "plan") == plan:
                pipeline_cache.store_payload(entry, key, payload)
            # What is kept until the pages are written is the copy the cache would give,
            # not ``made``: pickling a string leaves its UTF-8 form cached inside it
            # (CPython), 1.5 times the text's own size for Chinese, so every string of
            # every built source held its text twice (17 MiB at 1,000 sources).
            hit = pickle.loads(payload)
            built.append(job.seed.name)
            _progress(len(built), job, jobs)
        return hit

    def done(job: _Job) -> _Done:
        seed, plan = read_input(job.seed, "witness"), read_input(job.plan, "plan")
        key = source_key(job.seed, seed, plan, glossary_digest)
        return _Done(job, key, load_or_build(job, key, seed, plan))

    def resolve(slot: _Slot) -> Rendered:
        # A known source's seed read again: saved since, it is built as it is now.
        return slot.rendered if isinstance(slot, _Done) else done(slot.job).rendered

    slots: list[_Slot] = []
    for job in jobs:
        seed, plan = read_input(job.seed, "witness"), read_input(job.plan, "plan")
        key = source_key(job.seed, seed, plan, glossary_digest)
        last = manifest.sources.get(job.seed.stem)
        if last is not None and last[0] == key:
            slots.append(_Known(job, key, *last[1:]))
        else:
            slots.append(_Done(job, key, load_or_build(job, key, seed, plan)))
    pipeline_cache.prune(paths.root, (job.seed.stem for job in jobs))
    checked_key = _run_key(b"checked", paths, glossary_bytes, [slot.checked for slot in slots])
    if checked_key != manifest.checked:
        # What the checks read changed (article ids, paragraphs, quoted text): every
        # source's summary.  Else the last run passed them on these very summaries.
        slots = [slot if isinstance(slot, _Done) else done(slot.job) for slot in slots]
        checked_key = _run_key(b"checked", paths, glossary_bytes, [slot.checked for slot in slots])
        summaries = [slot.rendered.summary for slot in slots if isinstance(slot, _Done)]
        check_article_ids(_article_names(jobs, summaries))
        check_quotations(glossary, (a for s in summaries for a in s.articles))
    shared_key = _run_key(b"shared", paths, glossary_bytes, [slot.shared for slot in slots])
    shared = _shared(glossary, shared_key, slots, resolve, folder)
    plans.save(job.seed.stem for job in jobs)  # after the last source built (a run refused keeps none)
    return Edition(tuple(slots), shared, built, shared_key, checked_key, manifest, resolve)


def source_key(seed_path: Path, seed: bytes, plan: bytes, glossary_digest: bytes) -> bytes:
    """A source's entry key: its seed's path and bytes, its plan's bytes, the SHA-256 of
    the glossary's bytes (and the tools: ``pipeline_cache.entry_key``)."""
    return pipeline_cache.entry_key(str(seed_path).encode(), seed, plan, glossary_digest)


def write_edition(paths: ProjectPaths, edition: Edition) -> tuple[list[str], list[str]]:
    """Make ``edition/`` hold the edition's pages (``output.sync_tree``), reading and
    writing only those the last run's ``Manifest`` does not show current, and record
    this run's manifest.  The caller holds ``edition_lock``."""
    last = edition.manifest
    current: set[str] = set()
    mine: dict[str, tuple[bytes, bytes, bytes, tuple[str, ...]]] = {}
    remade: list[_Slot] = []
    for slot in edition.sources:
        if isinstance(slot, _Known) and unchanged(paths, last, slot.pages):
            current.update(slot.pages)
            mine[slot.job.seed.stem] = (slot.key, slot.shared, slot.checked, slot.pages)
        else:
            remade.append(slot)
    same = edition.shared_key == last.shared
    shared = [rel for rel in edition.shared if not (same and unchanged(paths, last, (rel,)))]
    current.update(set(edition.shared) - set(shared))
    offered: list[str] = []

    def pairs() -> Iterator[tuple[str, str]]:
        # Made source by source as ``sync_tree`` writes them, never all at once: the
        # pages of 3,000 sources, unpacked, were held together until written.
        for slot in remade:
            rendered = edition.resolve(slot)
            files = rendered.files()
            mine[slot.job.seed.stem] = (slot.key, rendered.shared, rendered.checked, tuple(files))
            for rel in sorted(files):
                offered.append(rel)
                yield rel, files[rel]
        for rel in sorted(shared):
            offered.append(rel)
            yield rel, edition.shared[rel]

    written, removed = sync_tree(paths.edition, GENERATED_DIRS, pairs(), current=current)
    pages = {rel: last.pages[rel] for rel in current}
    for rel in offered:
        stat = page_stat(paths.edition / rel)
        if stat is not None:
            pages[rel] = stat
    store_manifest(paths, Manifest(mine, edition.shared_key, edition.checked_key, pages))
    return written, removed


@dataclass(frozen=True)
class SharedPages:
    """The shared pages as the cache keeps them."""

    files: dict[str, str]


def _run_key(what: bytes, paths: ProjectPaths, glossary_bytes: bytes, digests: list[bytes]) -> bytes:
    """The key of what is made from every source: the glossary and each source's digest."""
    return pipeline_cache.entry_key(what, str(paths.glossary).encode(), glossary_bytes, *digests)


def _pickled(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _shared(
    glossary: Glossary, key: bytes, slots: list[_Slot], resolve: Callable[[_Slot], Rendered], folder: Path
) -> dict[str, str]:
    """The shared pages: from the cache while the glossary and what they read of every
    source (in order, ``_pages_view``) are unchanged, which a change to a source's text
    alone, not its headings, lengths or terms, leaves so; else rendered and stored."""
    hit = pipeline_cache.load(folder / SHARED_ENTRY, key, SharedPages)
    if hit is not None:
        return hit.files
    from sizheng_edition.render.pages import shared_pages

    done = [resolve(slot) for slot in slots]
    found = [o for r in done for o in r.occurrences]
    files = shared_pages([_pages_view(r.summary) for r in done], glossary, found)
    pipeline_cache.store(folder / SHARED_ENTRY, key, SharedPages(files))
    return files


def _render(
    job: _Job, seed: bytes, matcher: Callable[[], TermMatcher], glossary: Glossary, plan: Plan
) -> Rendered:
    from sizheng_edition.build.source import build_source
    from sizheng_edition.load.seeds import parse_source
    from sizheng_edition.render.pages import source_pages

    src = build_source(parse_source(seed, str(job.seed), job.seed.name), plan)
    return Rendered.of(src, source_pages(src, matcher()), glossary)


def _summary(src: EditionSource, glossary: Glossary) -> EditionSource:
    """What the shared pages read of a source: all but its lines (and their checksum),
    the cells of its articles' text, their notes and the fates of its lines, which are
    most of its size.  Each
    body block keeps its kind, level and number and, as one supplied run, its Han
    characters only (the contents count them), so that a corrected mark or letter
    leaves the summary, and the shared pages, as they were; a paragraph the glossary
    quotes keeps its whole text, against which ``check_quotations`` reads the quotation."""
    quoted = {(q.article, q.paragraph) for e in glossary.entries for q in e.quotations}

    def flat(article: str, block: Block) -> Block:
        text = block.text if (article, block.number) in quoted else han_only(block.text)
        return Block(block.kind, (Supplied(text),), level=block.level, number=block.number)

    articles = tuple(replace(a, body=tuple(flat(a.id, b) for b in a.body), notes=()) for a in src.articles)
    source = replace(src.source, lines=(), sha256="", size=0)
    return replace(src, source=source, articles=articles, dispositions=(), discards=(), original_forms=())


def _pages_view(summary: EditionSource) -> EditionSource:
    """The summary as the shared pages read it, and are made from: every body block's
    text reduced to its Han characters, even a quoted paragraph's (only the checks read
    its words), so that its digest changes only when the shared pages may.  The summary
    itself when it quotes nothing (its blocks hold only Han characters already): most
    sources, whose view then costs neither new blocks nor a pickle of its own."""

    def flat(block: Block) -> Block:
        han = han_only(block.text)
        # The summary's own block where it holds Han characters only already (all but a
        # quoted paragraph's): equal to a new one, and not a second copy of every
        # source's text while the shared pages are made (35 MiB at 3,000 sources).
        if han == block.text and block.spans == (Supplied(han),) and not block.anchors:
            return block
        return Block(block.kind, (Supplied(han),), level=block.level, number=block.number)

    bodies = [tuple(map(flat, a.body)) for a in summary.articles]
    if all(map(_same_blocks, bodies, (a.body for a in summary.articles))):
        return summary
    return replace(
        summary, articles=tuple(replace(a, body=b) for a, b in zip(summary.articles, bodies, strict=True))
    )


def _same_blocks(these: tuple[Block, ...], those: tuple[Block, ...]) -> bool:
    return all(a is b for a, b in zip(these, those, strict=True))


def _progress(built: int, job: _Job, jobs: list[_Job]) -> None:
    if len(jobs) >= 100 and built % max(1, len(jobs) // 20) == 0:
        print(f"built {built} source(s) of {len(jobs)}, now {job.seed.name}", file=sys.stderr, flush=True)
