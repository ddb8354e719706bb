"""Data files shipped with Sohoa (code lists, gazetteer, icons, translations)."""
