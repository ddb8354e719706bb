"""Work, shifts and tallies: who keys which book, and how much.

- ``settings``: the hours of the shifts, the quotas, the campaign deadline.
- ``shifts``: which shift a moment falls in, Vietnam time.
- ``queue``: the books to key, in order; one clerk per book.
- ``backlog``: the deferred entries, by reason, oldest first.
- ``activity``: a clerk's active time and keystrokes in each shift.
- ``tally``: counts per day, shift, clerk, kind and outcome; the campaign's
  progress against its target.
- ``dashboard``: what the lead's dashboard shows, read in one go, and who
  is behind their quota.
- ``inventory``: registering books, by hand or from a CSV/XLSX list;
  ``inventory_sheet`` reads the list, ``inventory_problems`` says what is
  wrong with a book or a row, in Vietnamese and English.
"""
