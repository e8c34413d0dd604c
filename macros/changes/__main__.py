"""`python -m macros.changes [BASE] [--uitvoer FILE] [--map DIR]`: what changes for readers.

Compares the data at BASE (a branch, tag or commit, or 'vastgesteld' for the adopted
copy in bron/vastgesteld/) with the data in the working tree, and writes a Dutch
Markdown summary to stdout or FILE. Exit status: 0 done, 1 the data of either side has
problems (the Dutch report says which), 2 BASE is not a revision git knows.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from .compare import compare
from .markdown import render
from ..data.problems import DataError
from ..data.revisions import ROOT, RevisionError, data_at, describe
from ..view.site import Site, load_site

DEFAULT_BASE = "main"


class _Arguments(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English
        self.exit(2, f"Onbekende opdracht ({message}).\nGebruik: {self.format_usage().removeprefix('usage: ')}")


def _parser() -> argparse.ArgumentParser:
    parser = _Arguments(
        prog="python -m macros.changes",
        description="Laat zien wat er voor lezers verandert tussen BASE en de data in je werkmap.",
    )
    parser.add_argument("base", nargs="?", default=DEFAULT_BASE, metavar="BASE",
                        help=f"branch, tag of commit, of 'vastgesteld' (standaard: {DEFAULT_BASE})")
    parser.add_argument("-o", "--uitvoer", type=Path, metavar="BESTAND",
                        help="schrijf het overzicht naar dit bestand in plaats van naar het scherm")
    parser.add_argument("--map", type=Path, default=ROOT, metavar="MAP",
                        help="de map van het project, met data/ en git (standaard: dit project)")
    return parser


class InvalidData(Exception):
    """The data of one side has problems; the message is the Dutch report, saying which side."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.map.resolve()
    try:
        with tempfile.TemporaryDirectory(prefix="ekd-diff-") as temporary:
            base_data = data_at(args.base, Path(temporary), root)  # first: it checks the revision
            base_name = describe(args.base, root)
            old = _site(base_data, f"de data van {base_name}")
        new = _site(root / "data", "de data in je werkmap")
    except RevisionError as error:
        print(f"Vergelijken lukt niet. {error}", file=sys.stderr)
        return 2
    except InvalidData as error:
        print(error, file=sys.stderr)
        return 1
    summary = render(compare(old, new), base_name)
    if args.uitvoer:
        args.uitvoer.write_text(summary, encoding="utf-8")
        print(f"Het overzicht staat in {args.uitvoer}.")
    else:
        sys.stdout.write(summary)
    return 0


def _site(data_dir: Path, which: str) -> Site:
    try:
        return load_site(data_dir)
    except DataError as error:
        raise InvalidData(f"Vergelijken lukt niet: {which} heeft problemen.\n{error.report()}") from error


if __name__ == "__main__":
    sys.exit(main())
