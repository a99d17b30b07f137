"""The `hubspoke/editorial` MkDocs plugin: the editorial policy and the insights page."""
