"""Handouts: what a printed page says it is, its running header and page numbers, and page breaks that respect the text."""
