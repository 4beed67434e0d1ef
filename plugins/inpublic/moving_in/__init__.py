"""`inpublic init`: a new site's files, and notes moved into it from an existing repository."""
