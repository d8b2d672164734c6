"""The dashboard's score distribution as an inline SVG bar chart (no script, no fonts)."""

from __future__ import annotations

from collections.abc import Sequence

_WIDTH, _HEIGHT = 640, 240
_TOP, _BOTTOM, _LEFT = 24, 40, 8
_PASS, _BLOCK = "#2e7d32", "#c62828"


def buckets(scores: Sequence[float]) -> list[int]:
    """How many scores fall in 0-9, 10-19, ..., 80-89 and 90-100."""
    counts = [0] * 10
    for score in scores:
        counts[min(int(score // 10), 9) if score > 0 else 0] += 1
    return counts


def score_chart(scores: Sequence[float], threshold: float) -> str:
    """An SVG histogram of `scores` in ten-point bands, bands under `threshold` in red."""
    counts = buckets(scores)
    tallest = max(counts) or 1
    band = (_WIDTH - 2 * _LEFT) / len(counts)
    plot = _HEIGHT - _TOP - _BOTTOM
    label = ", ".join(
        f"{10 * n}-{10 * n + 9 if n < 9 else 100}: {count}" for n, count in enumerate(counts)
    )
    parts = [
        f'<svg class="handoff-chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" '
        f'height="{_HEIGHT}" '
        f'role="img" aria-label="Score distribution: {label}" xmlns="http://www.w3.org/2000/svg">',
        "<title>Score distribution</title>",
    ]
    for n, count in enumerate(counts):
        low, high = 10 * n, 10 * n + 9 if n < 9 else 100
        height = round(plot * count / tallest, 1)
        x = round(_LEFT + n * band + 4, 1)
        y = round(_TOP + plot - height, 1)
        colour = _PASS if low >= threshold else _BLOCK
        noun = "handoff" if count == 1 else "handoffs"
        parts.append(
            f"<g><title>{low}-{high}: {count} {noun}</title>"
            f'<rect x="{x}" y="{y}" width="{round(band - 8, 1)}" height="{height}" rx="3" '
            f'fill="{colour}"></rect>'
            f'<text x="{round(x + (band - 8) / 2, 1)}" y="{round(y - 6, 1)}" '
            f'text-anchor="middle" font-size="13" fill="currentColor">{count}</text>'
            f'<text x="{round(x + (band - 8) / 2, 1)}" y="{_HEIGHT - _BOTTOM + 18}" '
            f'text-anchor="middle" font-size="12" fill="currentColor">{low}-{high}</text></g>'
        )
    baseline = _TOP + plot
    parts.append(
        f'<line x1="{_LEFT}" y1="{baseline}" x2="{_WIDTH - _LEFT}" y2="{baseline}" '
        'stroke="currentColor" stroke-width="1"></line>'
    )
    parts.append(
        f'<text x="{_WIDTH / 2:g}" y="{_HEIGHT - 4}" text-anchor="middle" font-size="12" '
        f'fill="currentColor">score (red: under the threshold of {threshold:g})</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
