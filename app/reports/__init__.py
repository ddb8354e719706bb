"""The daily report a team lead hands upward, above the work and its quality.

- ``daily``: the report as plain data, built from the tallies and error rates;
- ``wording``: its words, in Vietnamese and English, for every layout;
- ``xlsx``: the report as an Excel workbook.
"""
