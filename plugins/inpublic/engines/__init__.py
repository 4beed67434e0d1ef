"""The adapters that lay a build out with a site engine."""
