"""Data layer of the Economische Koers Drenthe site.

Everything in this package is plain Python and Jinja: it reads the YAML in `data/`,
validates it, resolves cross-references and sums, and renders HTML fragments.
Only `engine.py` knows about MkDocs.
"""
