"""Entries as the station keeps them, below the checks and the keying.

- ``store``: storing what the form holds: validated, its number checked
  against the book's, its names indexed, the day's count kept, audited;
- ``field_values``: an entry's values as the database stores them, and the
  defaults a new entry starts with;
- ``pending``: the edit of an entry past draft kept at a pause in typing;
- ``position``: where a number stands among the book's other entries;
- ``names``: the people's names, indexed for a search by name.
"""
