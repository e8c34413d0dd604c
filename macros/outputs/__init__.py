"""What the build makes besides the pages (PDF, preview images, open data, redirects),
what it checks in the finished site (links) and what it keeps between builds (artefacts)."""
