"""How the pages describe a witness's script and layout in words."""

from __future__ import annotations

from sizheng_edition.model.plan import Layout, Script

LAYOUTS: dict[Layout, str] = {
    Layout.LINES: "one paragraph per line",
    Layout.WRAPPED: "hard-wrapped at column width",
}
SCRIPTS: dict[Script, str] = {
    Script.SIMPLIFIED: "simplified",
    Script.CONVERTED_TRADITIONAL: "traditional, machine-converted from simplified",
}
