"""RSS, Atom and JSON Feed: the items, their HTML, and the files."""
