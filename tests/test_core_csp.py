"""The Content-Security-Policy meta: inline scripts allowed by hash, nothing else."""

import base64
import hashlib

from hubspoke.core.csp import inline_script_hashes, with_policy

PAGE = (
    "<!doctype html><html><head><title>t</title>"
    "<script>var a=1;</script>"
    '<script src="x.js"></script>'
    '<script type="application/ld+json">{"@type":"Thing"}</script>'
    '<script id="__config" type="application/json">{}</script>'
    "</head><body><script>\nvar b=2;\n</script></body></html>"
)


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed():
    assert inline_script_hashes(PAGE) == [sha("var a=1;"), sha("\nvar b=2;\n")]


def test_policy_is_the_first_element_of_head():
    out = with_policy(PAGE, frame_hosts=("player.vimeo.com",))
    head = out[out.index("<head>") + len("<head>") :]
    assert head.startswith(
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\''
    )
    assert f"script-src 'self' {sha('var a=1;')} {sha(chr(10) + 'var b=2;' + chr(10))};" in out
    assert "frame-src https://player.vimeo.com;" in out
    assert "'unsafe-inline'" not in out.split("script-src", 1)[1].split(";", 1)[0]
    assert "object-src 'none'" in out


def test_page_without_head_is_left_alone():
    assert with_policy("<p>fragment</p>") == "<p>fragment</p>"


def test_scripts_inside_the_content_are_never_allowed():
    page = (
        "<html><head><script>theme();</script></head><body>"
        '<article class="md-content__inner md-typeset"><p>x</p><script>alert(1)</script></article>'
        "<script>after();</script></body></html>"
    )
    assert inline_script_hashes(page) == [sha("theme();"), sha("after();")]
