"""Gazetteer of Vietnamese administrative units: the data file and its build script."""
