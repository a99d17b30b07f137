"""Plain model objects for tests of the core (no files, no MkDocs)."""

from datetime import UTC, datetime, timedelta

from hubspoke.core.network.model import Post


def post(n: int, **fields) -> Post:
    """Post number `n`, dated n days into 2025, by 'ada'; `fields` override any value."""
    values = {
        "source": f"blog/p{n}.md",
        "title": f"Post {n}",
        "date": datetime(2025, 1, 1, tzinfo=UTC) + timedelta(days=n),
        "slug": f"p{n}",
        "path": f"blog/p{n}",
        "authors": ("ada",),
    }
    values.update(fields)
    return Post(**values)
