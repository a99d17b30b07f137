"""The network: authors, personas, posts, spokes, the publication rule and index views."""
