"""The notes unit."""
