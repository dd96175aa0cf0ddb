"""Presentation: text, notebook HTML, the HTML page, plots, the long table."""
