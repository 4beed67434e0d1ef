"""`python -m inpublic.cli`: the command line."""

from inpublic.cli.main import main

raise SystemExit(main())
