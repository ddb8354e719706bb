"""The station on disk: its database opened, its health, backups, paths,
logs and clock."""
