"""What changed between two versions of the data, for reviewers (`make diff`) and readers.

compare.py turns two resolved sites into structured changes; text_diff.py pairs items and
diffs their words; markdown.py writes the Dutch report; `python -m macros.changes BASE`
is the command behind `make diff`.
"""
