"""`python -m sizheng_edition`: the `edition` command line."""

import sys

from sizheng_edition.cli import main

sys.exit(main())
