"""The library's version, in a module of its own: the package, its build and the HTML page it
writes read it from here."""

__version__ = "0.1.0"
