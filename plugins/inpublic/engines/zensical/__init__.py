"""The Zensical adapter: the core's site laid out as a docs tree for Zensical (stage.py), then built and served
(build.py)."""
