"""Batches: the station's entries carried to the centre on a stick.

- :mod:`app.batch.format`: what a batch is made of, its files and labels;
- :mod:`app.batch.keys`: the station's signing key, the centre's recipients;
- :mod:`app.batch.record`: which entries the next batch takes, recorded;
- :mod:`app.batch.export`: writing a batch, and writing it again;
- :mod:`app.batch.overview`: where the batches stand, before an export;
- :mod:`app.batch.verify`: checking one as the centre does, its files read
  by :mod:`app.batch.files` and its tag files by :mod:`app.batch.tagfiles`,
  within :mod:`app.batch.limits`;
- :mod:`app.batch.trust`: the centre's list of trusted station keys.
"""
