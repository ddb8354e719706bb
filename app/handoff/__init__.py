"""A book handed over as the Ministry asks: one workbook, one zip of PDFs."""
