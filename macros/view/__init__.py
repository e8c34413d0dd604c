"""The resolved view of all data (`site.Site`): what every page, index and download shows.

`python -m macros.view.check` (`make check`) validates all data by resolving this view.
"""
