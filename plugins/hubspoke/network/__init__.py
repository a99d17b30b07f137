"""The `hubspoke/network` MkDocs plugin: posts, authors, personas and their index pages."""
