"""The figures unit."""
