"""Page scans of a book: checked, kept by content, shown beside the form."""
