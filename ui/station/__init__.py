"""The station's backups: the daily one and the check at start, and the
admin's window to copy or restore one."""
