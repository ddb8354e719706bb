"""Quality control (issue 6): checks across entries."""
