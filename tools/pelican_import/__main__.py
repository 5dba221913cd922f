"""`python -m tools.pelican_import`: see cli.py."""

import sys

from tools.pelican_import.cli import main

sys.exit(main())
