"""Who is at the keyboard: users, roles, logging in, passwords, the idle
lock, secrets in the OS keyring, and the audit trail."""
