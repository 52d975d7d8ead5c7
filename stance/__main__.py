"""``python -m stance``: the same as the ``stance`` console script."""
import sys

from .run.cli import main

sys.exit(main())
