"""The citing unit."""
