"""Which changes are changes to the programme, and which are the site's own additions.

Provinciale Staten adopted a programme: its texts, its amounts, the partners and
programmes each opgave names, and since then its progress. A change to any of those is a
change to the programme, and the site says so: on /wijzigingen/, under the opgave's title,
in the feeds. Around the programme the site keeps things of its own, which no reader of
the programme would call a change of it:

- the registers (data/organisaties.yaml, programmas.yaml, begrippen.yaml): descriptions,
  names, abbreviations and their explanations;
- the cross-links they make: a name in an opgave's text that now links to the partner's
  entry (or no longer does);
- the contact details and other site wording in data/programma.yaml (`provincie`,
  `contact`);
- an opgave page's web address (`slug`): where the page is, not what it says.

Both sides come from the one comparison (compare.py): nothing is dropped, only sorted.
`make diff` shows both; the site shows site additions apart, as "Aanvullingen van de site",
never as a change to the programme. A page's "Laatst bijgewerkt" still follows both: a new
link is new content on that page.
"""

from dataclasses import replace

from .compare import ADDED, REMOVED, BudgetChanges, Changes

# The parts of data/programma.yaml that are the site's, not the programme's (compare.PartChanges keys).
SITE_PARTS = frozenset({"provincie", "contact"})


def programme_part(changes: Changes) -> Changes:
    """What changed in the programme itself."""
    opgaven = tuple(opgave for opgave in (replace(found, links=()) for found in changes.opgaven)
                    if not opgave.empty)
    return replace(
        changes,
        pages=tuple(page for page in changes.pages if page.kind in (ADDED, REMOVED)),
        opgaven=opgaven,
        registers=(),
        programme=tuple(part for part in changes.programme if part.key not in SITE_PARTS),
    )


def site_part(changes: Changes) -> Changes:
    """What changed in what the site adds to the programme."""
    opgaven = tuple(replace(found, title_change=None, sections=(), old_number=found.number)
                    for found in changes.opgaven if found.links and not found.new)
    return replace(
        changes,
        pages=tuple(page for page in changes.pages if page.kind not in (ADDED, REMOVED)),
        opgaven=opgaven,
        budget=BudgetChanges(texts=(), years=()),
        programme=tuple(part for part in changes.programme if part.key in SITE_PARTS),
    )
