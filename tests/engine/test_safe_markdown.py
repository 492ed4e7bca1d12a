"""Markdown from annotation files cannot inject markup, scripts or remote resources."""

import pytest

from annoreader.core.markdown import SafeMarkdown


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("a <b onclick=x>b</b>", "<p>a &lt;b onclick=x&gt;b&lt;/b&gt;</p>"),
        ("[x](javascript:alert(1))", "<p><a>x</a></p>"),
        ("[x]( JavaScript:alert(1))", "<p><a>x</a></p>"),
        ("[x](data:text/html,hi)", "<p><a>x</a></p>"),
        ("![logo](https://example.org/x.png)", "<p><span>logo</span></p>"),
        ("[ok](https://example.org/a)", '<p><a href="https://example.org/a">ok</a></p>'),
        ("[in site](#thaad)", '<p><a href="#thaad">in site</a></p>'),
        ("*em* and **strong**", "<p><em>em</em> and <strong>strong</strong></p>"),
    ],
)
def test_conversion(source: str, expected: str) -> None:
    assert SafeMarkdown().convert(source) == expected


def test_reuse_does_not_leak_state() -> None:
    md = SafeMarkdown()
    md.convert("[a]: https://example.org/\n\n[x][a]")
    assert md.convert("[x][a]") == "<p>[x][a]</p>"
