"""The MkDocs adapter: the plugin, its options, what it reads, and where our pages go in the nav."""
