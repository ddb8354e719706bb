"""Sohoa: keying station for Vietnamese civil-status register books."""

__version__ = "0.1.0"
