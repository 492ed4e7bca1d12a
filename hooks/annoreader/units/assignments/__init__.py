"""The assignments unit."""
