"""The `hubspoke/images` MkDocs plugin: responsive, private and safe images, and social cards."""
