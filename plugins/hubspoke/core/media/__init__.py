"""Media: video embeds, audio posts and the podcast feed, events and calendars."""
