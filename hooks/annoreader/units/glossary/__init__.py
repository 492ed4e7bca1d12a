"""The glossary unit."""
