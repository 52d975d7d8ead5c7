"""Tests for stance.io.html_text: the text of HTML pages and fragments."""
from __future__ import annotations

import pytest

from stance.io.html_text import html_to_text


@pytest.mark.parametrize("html, text", [
    ("<p>a</p><p>b</p>", "a\n\nb"),
    ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
    ("plain   text", "plain text"),
    ("<p>x<template><p>hidden</p></template>y</p>", "xy"),
    ("<head><title>only a title", ""),
])
def test_html_to_text(html, text):
    assert html_to_text(html)[0] == text
