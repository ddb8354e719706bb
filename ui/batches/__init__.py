"""The lead's batches: exporting to a stick, writing a lost one again, the keys."""
