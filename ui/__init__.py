"""The desktop app: PySide6 widgets over the services of app/."""
