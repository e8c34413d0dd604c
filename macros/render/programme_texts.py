"""What the site says about the programme as a whole, made from the data: its description
(mkdocs.yml's site_description, link previews) and the names, years and counts that the
hand-written pages (content/*.md) and their descriptions call for.

Nothing here is typed twice: a new period, budget year or opgave changes every text.
"""

from macros.formatting import count_words, counted, listing


def budget_years(site) -> str:
    """The years of the budget: "2024 en 2025"."""
    return listing(year.year for year in site.budget.years)


def opgaven_count(site) -> str:
    """The number of opgaven as Dutch write it: "vijf", "zes", "21"."""
    return count_words(site.number_of_opgaven)


def site_description(site) -> str:
    """The description of the whole site, for search engines and link previews."""
    who = site.programme.province or "de provincie"
    opgaven = counted(len(site.opgaven), "economische opgave", "economische opgaven")
    return (f"{site.name}: hoe {who} werkt aan {opgaven}, met welke partners, voor wie en met welk "
            "budget.")


def years_without_opgaven(site) -> str:
    """The budget years not laid out per opgave ("2024"); empty when every year is."""
    years = [year.year for year in site.budget.years if not year.by_opgave]
    return listing(years) if years else ""
