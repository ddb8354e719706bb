"""Realistic demo stations: Vietnamese names, books, clerks, shifts."""

from app.demo.station import (
    DEMO_CENTRE_IDENTITY,
    DEMO_PASSWORD,
    DemoSummary,
    add_demo_entries,
    create_demo_station,
)

__all__ = [
    "DEMO_CENTRE_IDENTITY",
    "DEMO_PASSWORD",
    "DemoSummary",
    "add_demo_entries",
    "create_demo_station",
]
