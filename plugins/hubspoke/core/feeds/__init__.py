"""Post feeds: the feed table, feed text and the RSS/Atom/JSON writers."""
