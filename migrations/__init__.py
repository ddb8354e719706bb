"""Alembic environment and revisions of the station database."""
