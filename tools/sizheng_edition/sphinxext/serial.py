"""A rebuild that reads a few documents of a large project reads and writes them in
this process, even under ``-j``.

Sphinx's parallel reader forks, and every worker sends the whole environment back
pickled, which the main process unpickles and merges; its parallel writer forks again
and polls its workers.  So each chunk costs the size of the project while it saves a
share of the documents read.  After one source changed, at 100 sources (346 documents,
1.5 MB of environment), the four documents read and six written took 1.5 s in workers
against 0.6 s here (cProfile, docs/benchmark.md).  The cut is a ratio for that reason:
fewer documents than a tenth of the project's.  A full build, and any build of a small
project that reads most of it, keeps ``-j``.  What is read and written is the same
either way: only where the work happens changes.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

# Read serially when fewer than one document in SHARE of the project is to be read.
SHARE = 10


def serial_for_few(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if app.parallel > 1 and len(docnames) * SHARE < len(env.found_docs):
        # Sphinx decides to read in parallel just after this event, and to write in
        # parallel after reading, both from app.parallel.
        logger.info("reading %d of %d documents without -j", len(docnames), len(env.found_docs))
        app.parallel = 1


def setup_serial(app: Sphinx) -> None:
    app.connect("env-before-read-docs", serial_for_few)
