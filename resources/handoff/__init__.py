"""The columns of a book's hand-off, one file per book kind (app.handoff.columns)."""
