"""The `inpublic` command line: an adapter, like the MkDocs plugin."""
