"""`python -m extractor`: the `korex` command, for environments without the console script on PATH."""

import sys

from extractor.cli import main

sys.exit(main())
