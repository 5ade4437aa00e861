"""axe-core inside Chromium: WCAG 2.0 and 2.1, levels A and AA.

axe-core comes from the npm registry, pinned in package.json/package-lock.json and
installed by `make` (npm ci) into node_modules/; nothing is fetched at test time.
"""

import functools
import os
from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
            target: n.target.join(" "),
            html: n.html,
            summary: n.failureSummary,
        })),
    }));
}"""


@functools.cache
def axe_source():
    if not AXE_JS.is_file():
        reason = f"axe-core is not installed ({AXE_JS} is missing): run `make test` or `npm ci`"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page):
    """The WCAG A/AA violations axe finds in the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
        page.evaluate(axe_source())
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def format_violations(context_name, url, violations):
    lines = [f"{context_name} ({url}): {len(violations)} WCAG A/AA violation(s)"]
    for violation in violations:
        lines.append(f"  {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            lines.extend(f"      {line}" for line in (node["summary"] or "").splitlines()[:4])
    return "\n".join(lines)


def assert_no_axe_violations(page, context_name):
    """Fail listing every violation (rule, impact, help, target nodes) axe finds now."""
    violations = axe_violations(page)
    assert not violations, format_violations(context_name, page.url, violations)


def assert_no_axe_violations_on(page, pages, also=None):
    """Open each `{context name: url}` in turn; fail once, listing the violations of all.

    `also(page)`, if given, is a check of our own on each page while it is open: it
    returns a list of problems (strings), reported with axe's."""
    reports = []
    for context_name, url in pages.items():
        response = page.goto(url)
        assert response is not None, f"{context_name}: no response from {url}"
        violations = axe_violations(page)
        if violations:
            reports.append(format_violations(context_name, page.url, violations))
        problems = also(page) if also else []
        if problems:
            reports.append(f"{context_name} ({page.url}):\n  " + "\n  ".join(problems))
    assert not reports, "\n\n".join(reports)
