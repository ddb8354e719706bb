"""Reference data shipped with Sohoa: ethnic groups and the place gazetteer.

Both load lazily from ``resources/`` on first use and stay in memory; nothing
here touches the network or the database.
"""
