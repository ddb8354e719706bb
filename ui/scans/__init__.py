"""A book's scanned pages in the windows: the page viewer, its renderer, the lead's import."""
