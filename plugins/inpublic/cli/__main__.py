"""`python -m inpublic.cli.main`: the command line."""

from inpublic.cli.main import main

raise SystemExit(main())
