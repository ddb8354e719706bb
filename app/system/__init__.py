"""The computer a station runs on: its clock, where its files go, its log,
the heap, and how its storage fails. Below every other part of app/."""
