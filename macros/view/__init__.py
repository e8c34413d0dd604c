"""The resolved view of all data (`site.Site`): what every page, index and download shows."""
