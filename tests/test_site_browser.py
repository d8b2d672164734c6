"""The built handoff site in a real browser: Playwright driving Debian's Chromium over HTTP.

Skipped when /usr/bin/chromium is absent, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_site import BLOCKED, CHAIN, HOSTILE, Built, _free_port, build_fixture_project

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# A phrase that is only in the body of the Harbourline sales-to-cs handoff.
BODY_PHRASE = "quayside turnstiles"


def _require_browser() -> Any:
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        missing = f"playwright is not installed ({exc})"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests must run in CI: {missing}")
        pytest.skip(missing)
    return sync_playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_fixture_project(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="module")
def base_url(site: Built) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1: Material's search does not start from file://."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=site.site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser(site: Built) -> Iterator[Any]:
    sync_playwright = _require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    try:
        yield opened
    finally:
        context.close()


def test_search_finds_a_handoff_by_a_phrase_only_in_its_body(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.locator(".md-search__input").click()
    page.keyboard.type(BODY_PHRASE, delay=20)
    result = page.locator(f'.md-search-result__item a[href*="{CHAIN[2]}"]').first
    result.wait_for(state="visible")
    result.click()
    page.wait_for_url(f"**/{CHAIN[2]}/**")
    scorecard = page.locator(".handoff-scorecard")
    scorecard.wait_for(state="visible")
    assert "Scorecard: 100/100, passed" in scorecard.inner_text()
    assert "quayside turnstiles jam" in page.locator("article").inner_text()


def test_the_scorecard_is_visible_on_a_blocked_handoff(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/{BLOCKED}/")
    scorecard = page.locator(".admonition.failure.handoff-scorecard")
    assert scorecard.is_visible()
    assert "blocked" in scorecard.locator(".admonition-title").inner_text()


def test_the_account_page_links_the_chain(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/harbourline-ferries/")
    links = page.locator("article table a")
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert hrefs == [f"../../{url}/" for url in CHAIN]
    links.nth(3).click()
    page.wait_for_url(f"**/{CHAIN[3]}/")
    assert page.locator(".handoff-scorecard").is_visible()


def test_a_hostile_handoff_runs_nothing_and_loads_nothing_from_outside(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: errors.append(str(error)))
    visited = [
        HOSTILE,
        "accounts/b-evil-b",
        "owners",
        "owners/mallory-svg-onload-window-pwned-4",
        "tags",
        "sales-to-cs",
        "",
    ]
    try:
        for url in visited:
            page.goto(f"{base_url}/{url}/" if url else f"{base_url}/")
            page.wait_for_load_state("networkidle")
            # Hovering and clicking is what fires handlers that survived.
            for selector in ("article p", "article a", "article h1", ".md-tag"):
                for element in page.locator(selector).all()[:5]:
                    if element.is_visible():
                        element.hover()
            assert page.evaluate("typeof window.__pwned") == "undefined", url
        # The search results show the hostile values too.
        page.locator(".md-search__input").click()
        page.keyboard.type("Mallory", delay=20)
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        page.wait_for_timeout(500)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
    assert dialogs == []
    assert requests, "no request was recorded"
    outside = [url for url in requests if not url.startswith(f"{base_url}/")]
    assert outside == []
    assert not [error for error in errors if "__pwned" in error]
