"""The opendata unit."""
