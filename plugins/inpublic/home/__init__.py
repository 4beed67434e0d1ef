"""The home page: what it shows."""
