"""The phases unit."""
