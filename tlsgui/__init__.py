"""tlsgui: set up TLS for the web, application and SQL servers of a 4D project."""

__version__ = "0.1.0"
