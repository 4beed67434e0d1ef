"""Links between notes: wikilinks resolved to ordinary Markdown links, and the backlinks under every note."""
