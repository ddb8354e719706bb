"""Reports laid out for print: PDFs made with Qt's text engine."""
