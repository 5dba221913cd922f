import sys

from tools.programme_import.cli import main

sys.exit(main())
