"""Hubspoke: a company hub and expert blog network built from Markdown.

`hubspoke.core` holds the network logic as plain Python (no MkDocs imports);
the sub-packages named after plugins (`hubspoke.network`, ...) adapt it to MkDocs.
"""

__version__ = "0.1.0"
