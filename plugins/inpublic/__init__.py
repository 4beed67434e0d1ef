"""inpublic: a learner's notes, plan and git history, published as a site with reports, commitments and feeds."""

__version__ = "0.1.0"  # the one declaration: pyproject.toml reads it (tool.setuptools.dynamic)
