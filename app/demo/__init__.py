"""Realistic demo stations: Vietnamese names, books, clerks, shifts."""

from app.demo.station import (
    DEMO_CENTRE_IDENTITY,
    DEMO_LOCALITY,
    DEMO_PASSWORD,
    DemoSummary,
    add_demo_entries,
    create_demo_station,
)
from app.demo.verifications import add_demo_double_keying

__all__ = [
    "DEMO_CENTRE_IDENTITY",
    "DEMO_LOCALITY",
    "DEMO_PASSWORD",
    "DemoSummary",
    "add_demo_double_keying",
    "add_demo_entries",
    "create_demo_station",
]
