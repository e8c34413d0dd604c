"""`python -m macros.check [data-dir]`: validate all data without building the site."""

import sys
from pathlib import Path

from .problems import DataError
from .view import DATA_DIR, load_site


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    try:
        site = load_site(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"De data is in orde: {len(site.opgaven)} opgaven.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
