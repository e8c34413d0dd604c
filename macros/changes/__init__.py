"""What changed between two versions of the data, for reviewers (`make diff`) and readers.

compare.py turns two resolved sites into structured changes; text_diff.py pairs items and
diffs their words; markdown.py writes the Dutch report; `python -m macros.changes BASE`
is the command behind `make diff`.

The same comparison makes the change history for readers: history.py walks the git
history of data/ from the adopted baseline (bron/vastgesteld.commit), html.py renders
the page /wijzigingen/ and the section on each opgave page (templates/, with
content/assets/css/changes.css), feed.py writes the Atom feeds.
"""
