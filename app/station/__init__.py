"""The station on disk: its database opened and set up, its health, its
backups, and all the lead sets for its work, saved as one."""
