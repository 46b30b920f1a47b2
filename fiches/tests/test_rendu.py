import re

import pytest
from django.template import Context, Template

from fiches.templatetags.fiches_rendu import couleur, lien_web, rendre_markdown

# Every way we know of to get a script, a style, an event handler or a javascript: URL into a page.
ATTAQUES = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href="jav&#x61;script:alert(1)">clic</a>',
    '<a href="jav&#97;script&colon;alert(1)">clic</a>',
    '<a href=" javascript:alert(1)">clic</a>',
    '<a href="java\tscript:alert(1)">clic</a>',
    '<a href="vbscript:msgbox(1)">clic</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>',
    "[clic](javascript:alert(1))",
    "[clic](JAVASCRIPT:alert(1))",
    "[clic](  javascript:alert(1) )",
    "[clic](javascript&#58;alert(1))",
    '[clic](https://ok.example "titre" onclick="alert(1)")',
    "[clic][ref]\n\n[ref]: javascript:alert(1)",
    "![image](javascript:alert(1))",
    '![x](https://x.example/a.png" onerror="alert(1))',
    "<javascript:alert(1)>",
    '<p style="background:url(javascript:alert(1))">texte</p>',
    "<style>body { display: none }</style>",
    '<div onmouseover="alert(1)">survol</div>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="x"><button>ok</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<a href="https://ok.example" target="_blank" rel="opener">lien</a>',
    "```\n</code></pre><script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
    "<template><script>alert(1)</script></template>",
    '<body onload="alert(1)">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
]
BALISES_PERMISES = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4"}


def balises(html):
    return set(re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", html))


def attributs(html):
    return re.findall(r"<[a-zA-Z][^>]*?\s([a-zA-Z-]+)\s*=", html)


@pytest.mark.parametrize("attaque", ATTAQUES)
def test_no_script_style_event_or_javascript_url_survives(attaque):
    html = rendre_markdown(attaque)

    assert balises(html) <= BALISES_PERMISES, html
    assert "<script" not in html.lower()
    assert "<style" not in html.lower()
    assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), html
    assert "javascript:" not in html.lower().replace("&#58;", ":")
    assert "vbscript:" not in html.lower()
    assert "data:" not in html.lower() or "href" not in html
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("http://", "https://")), html


@pytest.mark.parametrize("attaque", ATTAQUES)
def test_only_href_and_rel_attributes_remain(attaque):
    html = rendre_markdown(attaque)

    for tag in re.findall(r"<[a-zA-Z][^>]*>", html):
        nom = tag[1:].split()[0].rstrip(">")
        restes = set(re.findall(r'\s([a-zA-Z-]+)="', tag))
        assert restes <= ({"href", "rel"} if nom == "a" else set()), tag


def test_it_renders_markdown_emphasis_lists_quotes_and_code():
    html = rendre_markdown("Des **ateliers** et *du code* :\n\n- un\n- deux\n\n> citation\n\n```\nx < y\n```")

    assert "<strong>ateliers</strong>" in html
    assert "<em>du code</em>" in html
    assert "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>" in html
    assert "<blockquote>" in html
    assert "<pre><code>x &lt; y\n</code></pre>" in html


def test_links_get_noopener_nofollow_and_keep_their_http_address():
    html = rendre_markdown("[le site](https://dijon.example/page?a=1&b=2) et <http://exemple.fr>")

    assert '<a href="https://dijon.example/page?a=1&amp;b=2" rel="noopener nofollow">le site</a>' in html
    assert '<a href="http://exemple.fr" rel="noopener nofollow">http://exemple.fr</a>' in html


def test_relative_and_protocol_relative_links_lose_their_address():
    html = rendre_markdown("[a](/admin/) [b](//evil.example) [c](mailto:x@y.fr)")

    assert "href" not in html
    assert html.count("<a ") == 3


def test_titles_start_below_the_page_headings():
    html = rendre_markdown("# Un\n\n## Deux\n\n### Trois\n\n#### Quatre\n\n##### Cinq\n\n<h1>Brut</h1>")

    assert "<h1" not in html and "<h2" not in html and "<h5" not in html
    assert "<h3>Un</h3>" in html and "<h3>Deux</h3>" in html and "<h3>Trois</h3>" in html
    assert "<h4>Quatre</h4>" in html and "<h4>Cinq</h4>" in html
    assert "Brut" in html


def test_line_breaks_typed_by_a_person_are_kept():
    assert rendre_markdown("ligne 1\nligne 2") == "<p>ligne 1<br>\nligne 2</p>"


@pytest.mark.parametrize("vide", [None, ""])
def test_nothing_renders_as_nothing(vide):
    assert rendre_markdown(vide) == ""


def test_the_template_filter_marks_the_clean_html_safe():
    rendu = Template("{% load fiches_rendu %}{{ texte|markdown }}").render(
        Context({"texte": "**gras** <script>alert(1)</script>"})
    )

    assert rendu == "<p><strong>gras</strong> </p>"


@pytest.mark.parametrize(
    "adresse,attendu",
    [
        ("https://dijon.example/a", "https://dijon.example/a"),
        ("  http://exemple.fr  ", "http://exemple.fr"),
        ("javascript:alert(1)", ""),
        ("JAVASCRIPT:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("https://exemple.fr/a b", ""),
        ("data:text/html,x", ""),
        ("ftp://exemple.fr", ""),
        ("//exemple.fr", ""),
        ("/relatif", ""),
        ("https://", ""),
        ("http://[::1", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_lien_web_keeps_absolute_http_addresses_only(adresse, attendu):
    assert lien_web(adresse) == attendu


@pytest.mark.parametrize(
    "valeur,attendu",
    [("#1a2B3c", "#1a2B3c"), ("red", "#00528a"), ("#fff", "#00528a"), ("#123456; background:url(x)", "#00528a")],
)
def test_couleur_lets_only_hexadecimal_colours_into_a_style(valeur, attendu):
    assert couleur(valeur) == attendu
