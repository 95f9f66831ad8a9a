"""What an element's tag, role, class and id say about it being article or page chrome.

Page templates name their parts: ``<nav>``, ``role="complementary"``,
``class="related-posts"``, ``id="cookie-banner"``, ``itemprop="articleBody"``.
These names are the strongest cheap signal for telling the article from the
chrome around it, so main-content detection starts from them.

Class names are split into parts (``article__body`` -> ``article``, ``body``;
``relatedLinks`` -> ``related``, ``links``) and matched as whole parts, because
substrings lie (``adventure`` is not an ad, ``shareholders`` not a share
button); only a few long, unambiguous stems (``related``, ``sidebar``,
``newsletter``, ...) are also found inside run-together names. CMS taxonomy
classes such as WordPress's ``category-privacy`` or ``tag-comments`` describe
the article's topic, not the element, and are ignored.

Chrome comes in two strengths. *Hard* chrome (navigation, footers, sidebars,
related links, comments, share bars, cookie banners, newsletter boxes) is
never article text. *Soft* chrome (bylines, dates, captions, ad slots, tag
lists, ``<header>``, ``<form>``) is usually not, but such names also appear on
wrappers, so the detector treats it more cautiously.
"""

from __future__ import annotations

import re

from ._html_tree import Element

#: Tags that are chrome wherever they appear on a full page.
CHROME_TAGS = frozenset({"nav", "footer", "aside", "menu", "dialog"})
#: Tags that are usually chrome but also wrap article parts (``<header>`` of an
#: article holds its lead, ASP.NET pages wrap everything in one ``<form>``).
SOFT_CHROME_TAGS = frozenset({"header", "form", "figcaption"})
CHROME_ROLES = frozenset(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar "
    "toolbar tablist alert".split()
)
#: Class/id parts that mark chrome.
CHROME_PARTS = frozenset(
    """
    nav navbar navigation menu menus submenu breadcrumb breadcrumbs footer masthead
    sidebar related relateds recommended recommendations recommend popular trending mostread
    comment comments commentlist disqus discussion replies respond
    share sharing sharebar sharetools social socials follow
    cookie cookies consent gdpr cmp privacy onetrust didomi
    newsletter newsletters subscribe subscription signup signin login register
    outbrain taboola
    """.split()
)
#: Class/id parts that mark text which is usually, not always, chrome: it does
#: not count as article text when choosing the container, but stays inside it.
SOFT_CHROME_PARTS = frozenset(
    """
    header byline author authors dateline timestamp date meta metadata
    caption credit credits copyright disclaimer
    ad ads advert adverts advertisement advertising adslot adunit sponsor sponsored
    promo promotion promoted banner dfp gpt
    tags tag tagcloud taglist keywords categories topics
    modal popup overlay lightbox toolbar tools print skip
    pagination pager readmore seealso teaser teasers rating ratings rail widget
    """.split()
)
#: Class/id names (or whole names) that mark the article body.
CONTENT_NAMES = frozenset(
    """
    articlebody article-body article_body articlecontent article-content article_content
    articletext article-text article__body article__content article-main storybody
    story-body story-content storycontent story-text storytext entry-content entrycontent
    entry-body post-content postcontent post-body postbody post-entry post-text
    content-body contentbody main-content maincontent body-text bodytext text-body
    rich-text richtext article-entry blog-post-body td-post-content
    """.split()
)
CONTENT_PARTS = frozenset("article story entry post content main body text".split())
_IGNORED_TOKEN = re.compile(
    r"^(?:category|tag|type|format|status|postid|page-id|topics?)-|^post-\d", re.IGNORECASE
)
#: Distinctive chrome stems also found inside run-together names ("relatedpoststitle").
_CHROME_STEMS = re.compile(
    r"related|comment(?!ary)|sidebar|newsletter|cookie|breadcrumb|outbrain|taboola|recommend"
    r"|disqus",
    re.IGNORECASE,
)
_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _parts(token: str) -> list[str]:
    return [p.lower() for p in _PARTS.findall(token)]


def hint(el: Element) -> int:
    """+2 declared article body, +1 article-like, 0 neutral, -1 maybe chrome, -2 chrome.

    ``<html>`` and ``<body>`` classes are page-state flags (``has-sidebar``,
    ``cookies-not-set``) and say nothing about the element, so they score 0.
    A class list naming both content and chrome parts (``l-article-body-segment
    l-sidebar-fixed``) is a layout wrapper and counts as content.
    """
    if el.tag in ("#root", "html", "body"):
        return 0
    attrs = el.attrs
    itemprop = attrs.get("itemprop", "").lower()
    if "articlebody" in itemprop.split():
        return 2
    role = attrs.get("role", "").lower()
    if el.tag in CHROME_TAGS or role in CHROME_ROLES:
        return -2
    positive, negative = 0, 0
    for token in f"{attrs.get('class', '')} {attrs.get('id', '')}".split():
        if _IGNORED_TOKEN.match(token):
            continue
        low = token.lower()
        if low in CONTENT_NAMES:
            positive = max(positive, 2 if "body" in low or "text" in low else 1)
            continue
        parts = _parts(token)  # a chrome word wins inside one name: "footer-bottom-text"
        if "embed" in parts or "embedded" in parts:
            continue  # "social-media-embed": a quoted post is part of the article
        if any(p in CHROME_PARTS for p in parts) or _CHROME_STEMS.search(token):
            negative = max(negative, 2)
        elif any(p in SOFT_CHROME_PARTS for p in parts):
            negative = max(negative, 1)
        elif any(p in CONTENT_PARTS for p in parts):
            positive = max(positive, 1)
    if positive:
        return positive
    if negative:
        return -negative
    if el.tag in SOFT_CHROME_TAGS:
        return -1
    if el.tag in ("article", "main") or role == "main":
        return 1
    return 0
