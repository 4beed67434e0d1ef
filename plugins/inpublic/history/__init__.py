"""The git history: the only modules that start git, and where the history stops telling the truth."""
