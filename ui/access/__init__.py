"""Who is at the keyboard: the login, the lock screen, a password changed,
and the admin's users."""
