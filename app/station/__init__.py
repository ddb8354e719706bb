"""The station on disk: its database opened and set up, its health, and its
backups."""
