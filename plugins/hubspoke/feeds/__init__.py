"""The `hubspoke/feeds` MkDocs plugin: RSS, Atom and JSON feeds of the network."""
