"""The centre: a central database of the batches received from stations.

Its schema is its own (app.centre.models), not the station's; the same
SQLAlchemy tables serve SQLite (one machine) and PostgreSQL.
"""
