"""The lead's quality control: the second keying, arbitration, the checks' findings."""
