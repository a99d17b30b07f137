"""A table whose top-left header is empty gets row headers: every data cell has a header."""

import markdown
from bs4 import BeautifulSoup

CORNER = """
|                        | Ultrasonic | Radar |
| ---------------------- | ---------- | ----- |
| Alarms per month       | 37         | 3     |
| **Overfill** events    | 2          | 0     |
"""


def convert(text: str) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["tables", "hubspoke.core.content.table_headers"])
    return BeautifulSoup(html, "html.parser")


def test_an_empty_corner_makes_the_first_column_row_headers():
    table = convert(CORNER).table
    assert [c.name for c in table.thead.tr.find_all(["td", "th"])] == ["td", "th", "th"]
    rows = table.tbody.find_all("tr")
    assert [r.find(["td", "th"]).name for r in rows] == ["th", "th"]
    assert all(r.th["scope"] == "row" for r in rows)
    # Inline Markdown in a row header is still converted; data cells stay data cells.
    assert rows[1].th.strong.get_text() == "Overfill"
    assert [c.get_text() for c in rows[0].find_all("td")] == ["37", "3"]


def test_a_table_with_a_header_in_every_column_is_left_as_written():
    table = convert(
        CORNER.replace("|                        |", "| Measure                |")
    ).table
    assert table.tbody.find("th") is None
    assert table.thead.find("td") is None


def test_a_one_column_table_and_raw_html_tables_are_left_alone():
    assert convert("|   |\n|---|\n| a |\n").tbody.find("th") is None
    raw = "<table><thead><tr><th></th><th>x</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>"
    assert convert(raw).tbody.find("th") is None


def test_the_example_posts_comparison_tables_have_row_headers(example):
    found = 0
    for path in example.site.glob("blog/2*/**/index.html"):
        for table in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
            ".md-content table"
        ):
            first = table.thead.tr.find(["td", "th"]) if table.thead else None
            if first is not None and first.name == "td":
                found += 1
                assert all(r.find(["td", "th"]).name == "th" for r in table.tbody.find_all("tr"))
            for cell in table.thead.find_all("th") if table.thead else []:
                assert cell.get_text(strip=True), (path, "an empty column header")
    assert found >= 4
