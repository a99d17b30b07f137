"""Property tests: the rewrites of rendered HTML that cut or drop parts of a page.

The title split, the excerpt (up to `<!-- more -->`, else the first paragraph), heading
permalink removal (core/html.py), the audio player's place after the title
(media/audio.py uses the same split), empty frames after sanitising (the trust boundary:
guest HTML is hostile) and plain text for descriptions and word counts (core/text.py),
each held against Python's `html.parser` on random HTML from tests/test_html_tokenizer.py.
"""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from hubspoke.core import html as core_html
from hubspoke.core.content.sanitize import sanitize
from hubspoke.core.media import audio as core_audio
from hubspoke.core.text import plain_text

from .test_html_tokenizer import RAW, attribute, documents, pieces, start_tag, text

SETTINGS = settings(max_examples=80, deadline=None)
MARKER = "<!-- more -->"


class Parsed(HTMLParser):
    """Tags and text as html.parser reads them; `raw` elements' content is text to skip."""

    def __init__(self, document, raw=RAW, skipped=()):
        self.CDATA_CONTENT_ELEMENTS = raw
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.tags, self.ends, self.texts, self._inside = [], [], [], []
        self.feed(document)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag in self.CDATA_CONTENT_ELEMENTS or tag in self.skipped:
            self._inside.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        self.ends.append(tag)
        if tag in self._inside:  # an end tag closes what is open inside it too (</svg>)
            while self._inside.pop() != tag:
                pass

    def handle_data(self, data):
        if not self._inside:
            self.texts.append(data)

    def words(self):
        return " ".join(self.texts).split()


def open_elements(fragment, raw=RAW):
    """Elements left open, and end tags that close nothing, as html.parser reads them."""
    stack, stray = [], []

    class Balance(HTMLParser):
        CDATA_CONTENT_ELEMENTS = raw

        def handle_starttag(self, tag, attrs):
            if tag not in core_html.VOID_ELEMENTS:
                stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            pass

        def handle_endtag(self, tag):
            if stack and stack[-1] == tag:
                stack.pop()
            else:
                stray.append(tag)

    parser = Balance(convert_charrefs=True)
    parser.feed(fragment)
    parser.close()
    return stack, stray


def opened(tag):
    return tag.replace("/>", ">")


# -- random well-formed HTML, as Markdown renders it ----------------------------

element_names = st.sampled_from(["p", "div", "span", "em", "blockquote", "x-card", "h2", "li"])
leaves = st.one_of(
    text,
    start_tag("img"),
    start_tag("br"),
    st.just(MARKER),
    pieces.filter(lambda p: not re.match(r"</|<\w", p)),  # comments, CDATA, text
    st.builds(lambda t, x: opened(t) + x + "</script>", start_tag("script"), text),
)
headerlink_class = st.sampled_from(
    ['class="headerlink"', "class='headerlink'", "class=headerlink", 'CLASS="headerlink"',
     'class="x headerlink"', "class = 'headerlink'"]
)  # fmt: skip
other_attribute = attribute().filter(lambda a: not a.lower().startswith("class"))
headerlink = st.builds(
    lambda before, cls, after, space: (
        "<a" + "".join(space + a for a in [*before, cls, *after]) + ">¶</a>"
    ),
    st.lists(other_attribute, max_size=2),
    headerlink_class,
    st.lists(other_attribute, max_size=2),
    st.sampled_from([" ", "\n", "\t"]),
)


@st.composite
def an_element(draw, children):
    name = draw(element_names)
    tag = opened(draw(start_tag(name)))
    if draw(st.booleans()):
        tag = tag[:-1] + f' title="{MARKER} </h1></p></a> a">'  # only guest HTML is escaped
    inner = draw(st.lists(children, max_size=4))
    end = draw(st.sampled_from([name, name.upper(), name + " "]))
    return tag + "".join(inner) + f"</{end}>"


trees = st.recursive(st.one_of(leaves, headerlink), an_element, max_leaves=12)
bodies = st.lists(trees, max_size=5).map("".join)
h1_inner = st.lists(st.one_of(leaves, headerlink, an_element(leaves)), max_size=4).map("".join)


@st.composite
def leading_h1(draw):
    tag = opened(draw(start_tag("h1")))
    end = draw(st.sampled_from(["</h1>", "</H1>", "</h1 >"]))
    return tag + draw(h1_inner) + end


def _no_h1(document):
    return not re.search(r"</?h1", document, re.I)


# -- core/html.py: split_title ------------------------------------------------


@SETTINGS
@given(st.sampled_from(["", " ", "\n\n"]), leading_h1(), st.sampled_from(["", "\n"]), bodies)
def test_split_title_takes_the_leading_h1_whole_and_leaves_exactly_the_rest(space, h1, after, rest):
    rest = rest.lstrip()
    assert core_html.split_title(space + h1 + after + rest) == (h1, rest)


@SETTINGS
@given(st.one_of(text, pieces).filter(lambda p: p.strip() and _no_h1(p)), leading_h1(), bodies)
def test_an_h1_not_at_the_start_is_never_taken(before, h1, rest):
    content = before + h1 + rest
    assert core_html.split_title(content) == (None, content)


@SETTINGS
@given(documents.filter(_no_h1))
def test_split_title_takes_nothing_from_a_page_without_h1(document):
    assert core_html.split_title(document) == (None, document)


# -- core/html.py: excerpt and heading permalinks -----------------------------


def _tags_without_ids(fragment):
    return [
        (name, [(k, v) for k, v in attrs if k != "id" or name in RAW])
        for name, attrs in Parsed(core_html.drop_headerlinks(fragment)).tags
    ]


@SETTINGS
@given(st.one_of(st.just(""), leading_h1()), bodies)
def test_an_excerpt_is_whole_tags_and_closes_every_element_it_opens(title, body):
    part, more = core_html.excerpt(title + body)
    assert open_elements(part) == ([], [])
    assert "¶" not in part and "headerlink" not in part.lower()
    # (the tokenizer steps over script, style and textarea whole, start tag too)
    assert all(k != "id" for n, a in Parsed(part).tags if n not in RAW for k, _ in a)
    # Every tag of the excerpt is a tag of the body, in order, read as written.
    tags, body_tags = Parsed(part).tags, _tags_without_ids(body)
    if core_html.more_marker(body):
        assert more
        assert tags == body_tags[: len(tags)]
        body_words = Parsed(core_html.drop_headerlinks(body)).words()
        assert " ".join(body_words).startswith(" ".join(Parsed(part).words()))
    elif part:
        assert Parsed(part).tags[0][0] == "p"
        assert any(body_tags[i : i + len(tags)] == tags for i in range(len(body_tags)))
        assert " ".join(Parsed(part).words()) in " ".join(Parsed(body).words())
    else:
        assert not more


@SETTINGS
@given(st.lists(st.one_of(trees, headerlink), max_size=6).map("".join))
def test_headerlinks_go_whatever_their_attributes_and_nothing_else(document):
    def is_headerlink(name, attrs):
        first = next((v for k, v in attrs if k == "class"), None)  # as browsers read it
        return name == "a" and "headerlink" in (first or "").split()

    kept = core_html.drop_headerlinks(document)
    expected = [t for t in Parsed(document).tags if not is_headerlink(*t)]
    assert Parsed(kept).tags == expected
    assert "¶" not in kept
    # The text is the document's, less the pilcrows: compared as one string, because a
    # permalink between two words ("a<a class=headerlink>¶</a>b") leaves them joined, as a
    # browser shows them once the link is gone.
    assert "".join(Parsed(kept).texts) == "".join(Parsed(document).texts).replace("¶", "")


# -- media/audio.py: the player's place (core/media/audio.py) -------------------


@SETTINGS
@given(st.sampled_from(["", "\n"]), leading_h1(), st.sampled_from(["", "\n"]), bodies, bodies)
def test_the_player_goes_after_the_more_marker_else_after_the_title(space, h1, after, body, tail):
    head = space + h1 + after
    body = body.lstrip()
    content = head + body
    marker = core_html.more_marker(body)
    if marker is None:
        assert core_audio.player_offset(content) == len(head)
        marked = content + MARKER + tail
        assert core_audio.player_offset(marked) == len(content + MARKER)
    else:
        assert core_audio.player_offset(content) == len(head) + marker.end()


@SETTINGS
@given(leading_h1(), bodies)
def test_the_more_marker_is_never_found_inside_a_tag_or_script(h1, body):
    content = h1 + body
    marker = core_html.more_marker(content)
    comments = []

    class Comments(HTMLParser):
        CDATA_CONTENT_ELEMENTS = RAW

        def handle_comment(self, data):
            comments.append(data)

    Comments().feed(content)
    if marker is None:
        assert all(c.strip().lower() != "more" for c in comments)
    else:
        assert marker[0] == MARKER
        before = Parsed(content[: marker.start()])
        assert before.tags == Parsed(content).tags[: len(before.tags)]


# -- core/content/sanitize.py: frames without a source -------------------------

VIMEO = "https://player.vimeo.com/video/1"
src_spellings = st.sampled_from(
    [f'src="{VIMEO}"', f"src='{VIMEO}'", f"SRC={VIMEO}", f'src = "{VIMEO}"', f'Src="{VIMEO}"']
)
refused_src = st.sampled_from(
    ["src='https://evil.example/f'", 'src=""', "SRC=javascript:x", f'src="http://{VIMEO[8:]}"']
)
no_src = st.sampled_from(
    [f'data-src="{VIMEO}"', f'title="a src={VIMEO}"', 'title="x>y"', 'title="</iframe>"',
     'width="1"', "allowfullscreen", f"data-x='src={VIMEO}'"]
)  # fmt: skip
frame_content = st.sampled_from(
    ["", "inner", "<iframe title=x>", "<b>x</b>", "<img src=x onerror=alert(1)>", "<!--",
     "-->", "<script>"]
)  # fmt: skip
# What a guest writes in a frame to hide the links after it from every reader but browsers.
hiding_content = st.one_of(
    frame_content,
    st.just(f'<!--</iframe><a href="https://spam.example/">x</a><iframe src="{VIMEO}">-->'),
)


@st.composite
def frame(draw, content=frame_content):
    attrs = draw(st.lists(no_src, max_size=3))
    has_src = draw(st.booleans())
    src = draw(src_spellings if has_src else st.one_of(st.none(), refused_src))
    if src:
        attrs.insert(draw(st.integers(0, len(attrs))), src)
    space = draw(st.sampled_from([" ", "\n", "\t", "  "]))
    name = draw(st.sampled_from(["iframe", "IFRAME", "iFrame"]))
    tag = f"<{name}{''.join(space + a for a in attrs)}>"
    return has_src, tag + draw(content) + f"</{name}>"


@SETTINGS
@given(st.lists(st.tuples(frame(), text), min_size=1, max_size=4))
def test_a_frame_stays_exactly_when_it_keeps_an_allowed_source(parts):
    fragment = "".join(f"<p>{words}</p>{tag}" for (_, tag), words in parts)
    cleaned = sanitize(fragment)
    frames = [a for n, a in Parsed(cleaned, raw=(*RAW, "iframe")).tags if n == "iframe"]
    assert [dict(a).get("src") for a in frames] == [VIMEO for (src, _), _ in parts if src]
    assert open_elements(cleaned, raw=(*RAW, "iframe")) == ([], [])
    without_frames = sanitize("".join(f"<p>{words}</p>" for _, words in parts))
    framed = Parsed(cleaned, raw=(*RAW, "iframe"), skipped=("iframe",))
    assert framed.words() == Parsed(without_frames).words()
    for _, attrs in Parsed(cleaned, raw=(*RAW, "iframe")).tags:
        assert not any(k.startswith("on") for k, _ in attrs)


@SETTINGS
@given(st.lists(st.one_of(trees, frame().map(lambda f: f[1])), max_size=5).map("".join))
def test_sanitised_html_keeps_no_frame_without_source_and_excerpts_cut_between_tags(document):
    cleaned = sanitize(document)
    for name, attrs in Parsed(cleaned, raw=(*RAW, "iframe")).tags:
        assert name != "iframe" or dict(attrs).get("src") == VIMEO
    part, _ = core_html.excerpt(cleaned)
    assert open_elements(part) == ([], [])


# -- core/text.py: plain text --------------------------------------------------

SECRET = "zzsecret"
hidden_block = st.builds(
    lambda name, tag, inner: opened(tag) + inner.replace("</", "< /") + SECRET + f"</{name}>",
    st.shared(st.sampled_from(["script", "style", "pre", "svg", "PRE"]), key="hidden"),
    st.shared(st.sampled_from(["script", "style", "pre", "svg", "PRE"]), key="hidden").flatmap(
        start_tag
    ),
    st.lists(st.one_of(text, start_tag()), max_size=3).map("".join),
)
text_documents = st.lists(st.one_of(pieces, hidden_block), max_size=10).map("".join)


@SETTINGS
@given(text_documents)
def test_plain_text_is_the_parsers_text_outside_tags_scripts_code_and_svg(document):
    plain = plain_text(document)
    assert plain.split() == Parsed(document, skipped=("pre", "svg")).words()
    assert SECRET not in plain


@SETTINGS
@given(text_documents)
def test_no_tag_of_the_input_is_left_in_plain_text(document):
    plain = plain_text(document)
    for name, _ in Parsed(document).tags:
        for written in re.findall(rf"<{name}\b[^>]*>", document, re.I):
            assert written not in plain or written in _escaped_text(document)


def _escaped_text(document):
    """Text of the document that is markup-looking only once unescaped (`&lt;a&gt;`)."""
    return " ".join(Parsed(document, skipped=("pre", "svg")).texts)


spam_link = st.builds(
    lambda words: f'<p><a href="https://spam.example/{words.strip()[:8]}">{words}</a></p>', text
)


@SETTINGS
@given(
    st.lists(
        st.one_of(trees, frame(hiding_content).map(lambda f: f[1]), spam_link), max_size=6
    ).map("".join)
)
def test_every_outside_link_of_sanitised_guest_html_gets_the_rel_values(document):
    """Whatever a guest writes inside or around frames, every link a browser would show
    (html.parser reads iframe content as text, as browsers do) gets rel=ugc."""
    marked = core_html.add_link_rel(sanitize(document), ("ugc",))
    for name, attrs in Parsed(marked, raw=(*RAW, "iframe")).tags:
        values = dict(attrs)
        if name == "a" and core_html.is_external(values.get("href") or ""):
            assert "ugc" in (values.get("rel") or "").split(), marked
