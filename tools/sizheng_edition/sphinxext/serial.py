"""A rebuild that reads a few documents reads and writes them in this process, even
under ``-j``.

Sphinx's parallel reader forks, and every worker sends the whole environment back
pickled, which the main process unpickles and merges; its parallel writer forks again
and polls its workers every 20 ms.  So each chunk costs a fixed start plus the size of
the project, while it saves a share of the documents read.  After one source changed
(four documents read, six written; docs/benchmark.md): at 100 sources (346 documents,
a 1.5 MB environment) reading and writing took 1.5 s under cProfile in workers and
1.1 s here; on the real edition (26 documents) the rebuild took 1.05–1.23 s with -j
and 0.92–1.13 s without.  Hence two cuts: fewer documents than
``edition_serial_below`` (a fixed cost), or than a tenth of the project's (a cost that
grows with it).  A full build keeps ``-j``.  What is read and written is the same
either way (tests/test_incremental_build.py): only where the work happens changes.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

SHARE = 10  # read serially when fewer than one document in SHARE is to be read


def serial_for_few(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    few = max(app.config.edition_serial_below, len(env.found_docs) // SHARE)
    if app.parallel > 1 and len(docnames) < few:
        # Sphinx decides to read in parallel just after this event, and to write in
        # parallel after reading, both from app.parallel.
        logger.info("reading %d of %d documents without -j", len(docnames), len(env.found_docs))
        app.parallel = 1


def setup_serial(app: Sphinx) -> None:
    # Not part of the output: changing it rebuilds nothing.
    app.add_config_value("edition_serial_below", 8, "", types=frozenset({int}))
    app.connect("env-before-read-docs", serial_for_few)
