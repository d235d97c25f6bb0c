import sys

from sizheng_edition.cli import main

sys.exit(main())
