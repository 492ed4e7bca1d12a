"""The engine itself: loading, one reading of each page, stand-off insertions, templates, strings, the build."""
