"""The lead's books and settings: the inventory of books to key, and the
shifts, quotas, deadline and commune."""
