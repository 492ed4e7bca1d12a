"""The sections unit."""
