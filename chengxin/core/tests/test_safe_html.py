"""What survives sanitising a message's HTML, and what never does."""

import pytest

from chengxin.core.safe_html import sanitize_html


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<iframe src="https://evil.example/"></iframe>',
        '<object data="https://evil.example/x.swf"></object>',
        '<embed src="https://evil.example/x">',
        '<form action="https://evil.example/login"><input name="password"></form>',
        '<link rel="stylesheet" href="https://evil.example/track.css">',
        "<style>body{background:url(https://evil.example/p.gif)}</style>",
        '<div style="background-image:url(https://evil.example/p.gif)">x</div>',
        '<table background="https://evil.example/p.gif"><tr><td>x</td></tr></table>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<base href="https://evil.example/">',
        '<svg><image href="https://evil.example/p.gif"/></svg>',
        '<video src="https://evil.example/v.mp4"></video>',
        '<img srcset="https://evil.example/p.gif 1x">',
    ],
)
def test_nothing_runs_and_nothing_loads(dangerous):
    cleaned = sanitize_html(f"<p>before</p>{dangerous}<p>after</p>").html
    assert "evil.example" not in cleaned
    for word in (
        "<script",
        "onerror",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<input",
        "javascript:",
        "data:text",
        "<meta",
        "<base",
        "<style",
        "<link",
        "<video",
    ):
        assert word not in cleaned.lower()
    assert "before" in cleaned and "after" in cleaned


def test_remote_images_become_placeholders():
    result = sanitize_html(
        '<img src="https://t.example/pixel.gif" alt="">'
        '<img src="http://cdn.example/logo.png" alt="Acme &amp; Co">'
        '<img src="//cdn.example/x.png">'
    )
    assert result.blocked_images == 3
    assert "t.example" not in result.html and "cdn.example" not in result.html
    assert "[\N{FRAME WITH PICTURE} Acme &amp; Co]" in result.html
    assert result.html.count('class="blocked-image"') == 3


def test_embedded_images_stay():
    png = "data:image/png;base64,iVBORw0KGgo="
    result = sanitize_html(f'<img src="{png}" alt="logo">')
    assert result.blocked_images == 0 and f'src="{png}"' in result.html


def test_links_stay_but_open_safely():
    result = sanitize_html('<a href="https://mueller-maschinen.de/offer">offer</a>')
    assert 'href="https://mueller-maschinen.de/offer"' in result.html
    assert 'rel="noopener noreferrer"' in result.html and 'target="_blank"' in result.html


def test_harmless_formatting_stays():
    cleaned = sanitize_html(
        '<table><tr><td style="color:#c00;font-weight:bold">Total</td><td>USD 12,400</td></tr>'
        "</table><ul><li>one</li></ul><b>bold</b>"
    ).html
    assert "<table>" in cleaned and "<li>one</li>" in cleaned and "<b>bold</b>" in cleaned
    assert "color:#c00" in cleaned.replace(" ", "")


def test_empty_html():
    assert sanitize_html("  ").html == ""
