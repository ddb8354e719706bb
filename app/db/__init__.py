"""The station's SQLite database: models, engine, migrations, backups, checkpoints."""
