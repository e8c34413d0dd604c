"""From the resolved view to page parts: the registry of page parts (`parts.py`), the
renderer and its Jinja templates (`templates/`), formatting of money and dates."""
