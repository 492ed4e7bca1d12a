"""The timeline unit."""
