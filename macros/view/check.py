"""`python -m macros.view.check [data-dir]`: validate all data without building the site."""

import sys
from pathlib import Path

from macros.data import messages
from macros.data.contact import contact_warnings
from macros.data.files import DATA_DIR
from macros.data.problems import DataError
from macros.view.site import load_site


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    try:
        site = load_site(data_dir, current=True)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(messages.DATA_IS_FINE.format(count=len(site.opgaven)))
    for warning in contact_warnings(site.programme):  # the data is fine, but not complete
        print(warning, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
