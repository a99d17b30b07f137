"""The `hubspoke/media` plugin: video embeds, audio posts and podcast feeds, events."""
