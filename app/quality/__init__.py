"""Quality control (issue 6): checks across entries, blind double keying
and the lead's arbitration."""
