"""The entry form, built from a book spec."""
