"""Old addresses of opgaven that must keep working after a slug changes.

When staff rename an opgave's slug they keep the old one under `oude_slugs`; each
old address then gets a small page that sends the reader on to the new one, with
the #section of the link (such as #activiteiten) kept.
"""

from dataclasses import dataclass

from macros.view.urls import opgave_path


@dataclass(frozen=True)
class Redirect:
    old_path: str  # site-relative directory URL, e.g. 'opgaven/arbeidsmarkt/'
    opgave: object  # view.OpgaveEntry it leads to

    @property
    def file(self) -> str:
        """The file in the built site that answers the old address."""
        return self.old_path + "index.html"


def redirects(opgaven) -> list[Redirect]:
    return [Redirect(opgave_path(old), entry) for entry in opgaven for old in entry.record.previous_slugs]
