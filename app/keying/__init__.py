"""Keying an entry: what the form starts from, saving it, and the lists the
clerk works from."""
