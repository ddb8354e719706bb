"""The keying tab: the form, its entries, its saves."""
