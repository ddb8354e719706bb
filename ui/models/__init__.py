"""Qt item models: thin adapters over plain values from app/."""
