"""``sohoa bench``: the performance targets, measured (README, "Performance").

- ``figures``: repeated timings and their percentiles, against a target and
  against the same basic operation in raw ``sqlite3``.
- ``station``: the demo station the benchmark runs on, built once and reused.
- ``operations``: what is timed, each beside its raw ``sqlite3`` counterpart.
"""
