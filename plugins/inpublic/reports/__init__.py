"""The weekly reports: computed from the history, then laid out as pages."""
