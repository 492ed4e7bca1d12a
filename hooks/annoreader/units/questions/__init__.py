"""The questions unit."""
