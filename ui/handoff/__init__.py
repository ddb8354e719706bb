"""The lead's hand-off of a book: a workbook and a zip of PDFs for the Ministry."""
