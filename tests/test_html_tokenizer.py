"""Property tests: Hubspoke's fast HTML tokenizers find what a real parser finds.

Hubspoke rewrites rendered pages with regular expressions for speed (a 10,000-post build
runs them on every page). Each one is held here against Python's `html.parser` on random
HTML: quoted and bare attributes, `>` `<` `=` and quotes inside values, entities, comments,
CDATA, script/style/textarea content, uppercase names, self-closing tags, unicode text.
The modules name the test that holds them in their docstrings.
"""

import base64
import hashlib
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from hubspoke.core import csp
from hubspoke.core import html as core_html
from hubspoke.core.images import markup
from hubspoke.core.media import video

from .templates import image_markup

SETTINGS = settings(max_examples=400, deadline=None)
RAW = ("script", "style", "textarea")

# -- random HTML ---------------------------------------------------------------

names = st.sampled_from(["a", "img", "p", "div", "span", "source", "h1", "x-card", "pre", "br"])
attr_names = st.sampled_from(
    ["href", "src", "srcset", "id", "class", "title", "alt", "data-src", "poster", "rel", "type"]
)
words = st.sampled_from(
    ["x.png", "video", "a b", "é", "😀", "&amp;", "&lt;", "&#62;", "&quot;", "<b>", ">", "<",
     "=", "href=\"y\"", " src=z", "id=t", "https://e.org/?a=1&b=2", "#t", "application/json",
     "<!--", "-->", "</a>", "<script>", "1x, b.png 2x", ""]
)  # fmt: skip
values = st.lists(words, max_size=3).map("".join)
bare_values = st.sampled_from(["x.png", "video", "t", "https://e.org/p", "1", "a&amp;b"])


@st.composite
def attribute(draw):
    name = draw(attr_names)
    if draw(st.booleans()):
        name = name.upper()
    style = draw(st.sampled_from(["dq", "sq", "bare", "none"]))
    value = draw(values)
    if style == "dq":
        return f'{name}="{value.replace(chr(34), "&quot;")}"'
    if style == "sq":
        return f"{name}='{value.replace(chr(39), '&#39;')}'"
    if style == "bare":
        return f"{name}={draw(bare_values)}"
    return name


@st.composite
def start_tag(draw, name=None):
    name = name or draw(names)
    if draw(st.booleans()):
        name = name.upper()
    attrs = draw(st.lists(attribute(), max_size=4))
    space = draw(st.sampled_from([" ", "  ", "\n", "\t"]))
    end = draw(st.sampled_from([">", "/>", " />", " >"]))
    return "<" + name + "".join(space + a for a in attrs) + end


text = st.lists(
    st.sampled_from(
        [
            "word",
            " ",
            "\n",
            "é",
            "😀",
            "&amp;",
            "&lt;a href=x&gt;",
            "&#x3C;",
            ">",
            "a < b",
            'id="t"',
            " id=t ",
            "video",
            "]]>",
            "\ue001",
        ]
    )  # fmt: skip
    | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="<&"), max_size=4),
    max_size=4,
).map("".join)
hidden = st.lists(st.one_of(start_tag(), text), max_size=3).map("".join)


@st.composite
def raw_element(draw):
    name = draw(st.sampled_from(RAW))
    body = draw(hidden).replace("</", "< /")
    return draw(start_tag(name)).replace("/>", ">") + body + f"</{name}>"


pieces = st.one_of(
    text,
    start_tag(),
    names.map(lambda n: f"</{n}>"),
    hidden.map(lambda h: "<!--" + h.replace("--", "- -") + "-->"),
    hidden.map(lambda h: "<![CDATA[" + h.replace("]", "") + "]]>"),
    raw_element(),
)
documents = st.lists(pieces, max_size=12).map("".join)


# -- what html.parser finds ----------------------------------------------------


class Reference(HTMLParser):
    """Start tags (name, attributes, offsets) outside comments, CDATA and raw text
    elements, as html.parser reads them; textarea is raw text, as in browsers."""

    CDATA_CONTENT_ELEMENTS = RAW

    def __init__(self, document):
        super().__init__(convert_charrefs=False)
        self.document = document
        self.lines = [0]
        for line in document.split("\n"):
            self.lines.append(self.lines[-1] + len(line) + 1)
        self.tags = []  # (name, attrs, start, end)
        self.raw_tags = []  # (name, attrs) of script, style and textarea
        self.scripts = []  # (attrs, body)
        self._script = None
        self.feed(document)
        self.close()

    def _at(self):
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._at()
        end = start + len(self.get_starttag_text())
        if tag in RAW:
            self.raw_tags.append((tag, attrs))
            self._script = (tag, attrs, [])
            return
        self.tags.append((tag, attrs, start, end))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script:
            self._script[2].append(data)

    def handle_endtag(self, tag):
        if self._script and tag == self._script[0]:
            if tag == "script":
                self.scripts.append((self._script[1], "".join(self._script[2])))
            self._script = None


def reference_tags(document):
    return [(name, attrs) for name, attrs, _, _ in Reference(document).tags]


# -- core/html.py: the start-tag tokenizer -------------------------------------


@SETTINGS
@given(documents)
def test_the_tokenizer_sees_every_start_tag_the_parser_sees(document):
    seen = []
    unchanged = core_html.rewrite_tags(document, lambda n, a: seen.append((n, a)))
    assert unchanged == document
    assert seen == reference_tags(document)


@SETTINGS
@given(documents)
def test_rewritten_tags_read_back_as_written_and_text_stays(document):
    def mark(_name, attrs):
        return [*attrs, ("data-hs", "1")]

    rewritten = core_html.rewrite_tags(document, mark)
    expected = [(n, [*a, ("data-hs", "1")]) for n, a in reference_tags(document)]
    assert reference_tags(rewritten) == expected
    # Everything between the tags is byte for byte what it was.
    before, after = Reference(document).tags, Reference(rewritten).tags
    cuts = [0, *(x for _, _, s, e in before for x in (s, e)), len(document)]
    again = [0, *(x for _, _, s, e in after for x in (s, e)), len(rewritten)]
    assert [document[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True)] == [
        rewritten[a:b] for a, b in zip(again[::2], again[1::2], strict=True)
    ]


def _urls(tags):
    found = []
    for _name, attrs in tags:
        for key, value in attrs:
            if value is None:
                continue
            if key in core_html.URL_ATTRIBUTES:
                found.append(value)
            elif key == "srcset":
                found.extend(c.split()[0] for c in value.split(",") if c.strip())
    return found


@SETTINGS
@given(documents)
def test_the_url_scan_reads_exactly_the_parsers_url_attributes(document):
    assert list(core_html.link_values(document)) == _urls(reference_tags(document))


@SETTINGS
@given(documents, st.sampled_from(["t", "x.png", "video", "a b", "é"]))
def test_has_id_is_true_exactly_for_an_element_id(document, anchor):
    # Every element's id counts, a textarea's, script's or style's own too.
    parsed = Reference(document)
    ids = []
    for _name, attrs in [*((n, a) for n, a, _, _ in parsed.tags), *parsed.raw_tags]:
        ids.extend(v for k, v in attrs if k == "id")
    assert core_html.has_id(document, anchor) is (anchor in ids)


# -- core/images/markup.py: <img> to <picture> ----------------------------------

SKIPPED = ("template", "picture", "svg")
MARKUP = image_markup()


skipped_element = st.builds(
    lambda name, body: f"<{name}>{body}</{name}>",
    st.sampled_from(SKIPPED),
    st.lists(st.one_of(start_tag("img"), text), max_size=3).map("".join),
)
image_documents = st.lists(
    st.one_of(
        pieces, start_tag("img"), start_tag("img").map(lambda t: f"<p>{t}</p>"), skipped_element
    ),  # fmt: skip
    max_size=10,
).map("".join)


@SETTINGS
@given(image_documents)
def test_images_found_are_the_parsers_images_outside_skipped_elements(document):
    expected = []
    open_skip = None
    parser = Reference(document)
    ends = _skip_ends(document)
    for name, attrs, start, _ in parser.tags:
        if open_skip is not None and start < open_skip:
            continue
        if name in SKIPPED:
            open_skip = ends.get(start, start)
            continue
        if name == "img" and dict(attrs).get("src"):
            expected.append(tuple(attrs))
    assert [img.attrs for img in markup.find_images(document)] == expected
    looked_up = []
    page = markup.PageImages(
        lookup=lambda src: looked_up.append(src), relative=str, sizes="1px", markup=MARKUP
    )
    assert markup.rewrite_page(document, page) == document
    assert looked_up == [dict(a)["src"] for a in expected]


def _skip_ends(document):
    """Offsets where each generated skipped element (template, picture, svg) ends."""
    ends = {}
    lower = document.lower()
    for name, _attrs, start, _ in Reference(document).tags:
        if name in SKIPPED:
            close = lower.find(f"</{name}>", start)
            ends[start] = len(document) if close < 0 else close
    return ends


# -- core/media/video.py: marked video links -----------------------------------

video_link = st.builds(
    lambda a, img, p: f"<p>{a}{img}</a></p>" if p else f"{a}{img}</a>",
    start_tag("a").map(lambda t: t.replace("<a", '<a class="video"', 1).replace("/>", ">")),
    st.one_of(start_tag("img"), text),
    st.booleans(),
)
video_documents = st.lists(st.one_of(pieces, video_link), max_size=8).map("".join)


@SETTINGS
@given(video_documents)
def test_video_links_are_the_parsers_links_with_the_class(document):
    expected = [
        {k: v or "" for k, v in attrs}
        for name, attrs, _, _ in Reference(document).tags
        if name == "a"
        and "video" in (dict(attrs).get("class") or "").split()
        and document.lower().find("</a", _) >= 0  # fmt: skip
    ]
    assert [link.attrs for link in video.find_links(document)] == expected


# -- core/csp.py: inline scripts to hash ---------------------------------------

script = st.builds(
    lambda tag, body: tag.replace("/>", ">") + body.replace("</", "< /") + "</script>",
    start_tag("script"),
    text,
)
frames = st.lists(st.one_of(pieces, script), max_size=10).map("".join)


@SETTINGS
@given(frames)
def test_hashed_scripts_are_the_parsers_inline_scripts(document):
    expected = []
    for attrs, body in Reference(document).scripts:
        values = dict(attrs)
        if "src" in values or (values.get("type") or "").strip().lower() in csp._DATA_TYPES:
            continue
        digest = hashlib.sha256(body.encode()).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in expected:
            expected.append(source)
    assert csp.inline_script_hashes(document, content_scripts=True) == expected
