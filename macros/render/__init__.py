"""From the resolved view to page parts: the registry of page parts (`parts.py`), the
renderer and its Jinja templates (`templates/`).

What the layers above make (open data, change history) arrives in `parts.PartContext`."""
