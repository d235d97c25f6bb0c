"""The published schemas: what an editor's YAML language server checks as they type.

The last tests speak the Language Server Protocol to Red Hat's yaml-language-server (the
server behind VS Code's YAML extension, Neovim's yamlls and Emacs' lsp-mode) over stdio,
open plans with mistakes in them, and read the diagnostics it publishes: the mistake is
underlined on its line, and the real plans and glossary show none."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, require_file, require_tool
from jsonschema import Draft202012Validator
from sizheng_edition.load.plan import load_plan
from sizheng_edition.load.plan_dump import dump_plan
from sizheng_edition.load.schema import Format, schema
from sizheng_edition.model.glossary import Category, Rendering
from sizheng_edition.model.plan import BylineForm, EmendationKind, JoinKind, Layout, Script

PUBLISHED = ROOT / "conf" / "schema"
PACKAGED = ROOT / "tools" / "sizheng_edition" / "load" / "schema"
PLANS = sorted((ROOT / "conf" / "plans").glob("*.yaml"))
SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_the_package_reads_the_published_schema(fmt):
    published = (PUBLISHED / fmt.value).read_bytes()
    assert (PACKAGED / fmt.value).read_bytes() == published, f"copy conf/schema/{fmt.value} to {PACKAGED}"
    assert schema(fmt) == json.loads(published)


def _properties(node: Any, where: str = "#"):
    """Every (where, name, property schema) in a schema."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield where, name, prop
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _properties(value, f"{where}/{k}")


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_schemas_are_2020_12_and_describe_every_property(fmt):
    s = schema(fmt)
    Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    version = fmt.value.split(".")[1]
    assert s["$id"].endswith(f":{version}") and version.startswith("v")  # the version is in both
    assert s["title"] and s["description"]
    props = list(_properties(s))
    assert len(props) > 10
    assert [(w, n) for w, n, p in props if not p.get("description")] == []
    objects = _objects(s)
    assert objects and all(o.get("additionalProperties") is False for o in objects)


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


def test_schema_enums_are_the_models_enums():
    plan, defs = schema(Format.PLAN), schema(Format.PLAN)["$defs"]
    values = {
        "layout": plan["properties"]["layout"]["enum"],
        "script": plan["properties"]["script"]["enum"],
        "form": defs["byline"]["properties"]["form"]["enum"],
        "emendation kind": defs["emendation"]["properties"]["kind"]["enum"],
        "join kind": defs["join"]["properties"]["kind"]["enum"],
    }
    glossary = schema(Format.GLOSSARY)["$defs"]["entry"]["properties"]
    values |= {"rendering": glossary["rendering"]["enum"], "category": glossary["category"]["enum"]}
    assert values == {
        "layout": [m.value for m in Layout],
        "script": [m.value for m in Script],
        "form": [m.value for m in BylineForm],
        "emendation kind": [m.value for m in EmendationKind],
        "join kind": [m.value for m in JoinKind],
        "rendering": [m.value for m in Rendering],
        "category": [m.value for m in Category],
    }


def _modeline(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{path.name}: first line {first!r}"
    return (path.parent / first[len(prefix) :]).resolve()


def test_every_plan_and_the_glossary_name_their_schema():
    for plan in PLANS:
        assert _modeline(plan) == (PUBLISHED / Format.PLAN.value).resolve()
    assert _modeline(ROOT / "conf" / "glossary.yaml") == (PUBLISHED / Format.GLOSSARY.value).resolve()


def test_the_plan_writer_names_the_schema_first(tmp_path):
    (tmp_path / "plans").mkdir()
    written = tmp_path / "plans" / "000.yaml"
    written.write_text(dump_plan(load_plan(PLANS[0])), encoding="utf-8")
    shutil.copytree(PUBLISHED, tmp_path / "schema")
    assert _modeline(written) == (tmp_path / "schema" / Format.PLAN.value).resolve()


# -- the editor's view: yaml-language-server over stdio ------------------------------------


class LanguageServer:
    """A minimal LSP client: JSON-RPC messages with Content-Length headers over stdio."""

    def __init__(self, command: list[str], root: Path) -> None:
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.next_id = 1
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        # No network: SchemaStore's catalogue would be fetched otherwise.
        self.settings = {"yaml": {"validate": True, "hover": True, "schemaStore": {"enable": False}}}
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"workspace": {"configuration": True}, "textDocument": {"hover": {}}},
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
        })  # fmt: skip
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        ident = self.next_id
        self.next_id += 1
        self.send({"id": ident, "method": method, "params": params})
        return self.pump(lambda m: m.get("id") == ident and "method" not in m, timeout)["result"]

    def receive(self, timeout: float) -> dict[str, Any] | None:
        assert self.proc.stdout is not None
        if not select.select([self.proc.stdout], [], [], timeout)[0]:
            return None
        length = 0
        while line := self.proc.stdout.readline().strip():
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        assert length, "the server closed its output"
        message: dict[str, Any] = json.loads(self.proc.stdout.read(length))
        return message

    def pump(self, until, timeout: float) -> dict[str, Any]:
        """Handle messages (answering the server's own requests) until one satisfies ``until``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            message = self.receive(end - time.monotonic())
            if message is None:
                break
            if message.get("method") == "workspace/configuration":
                items = message["params"]["items"]
                self.send(
                    {"id": message["id"], "result": [self.settings.get(i.get("section"), {}) for i in items]}
                )
            elif "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            if until(message):
                return message
        raise AssertionError(f"no answer from the language server in {timeout} s")

    def open(self, path: Path) -> list[dict[str, Any]]:
        """Open a document as an editor does; the diagnostics the server publishes for it."""
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8")
        self.notify("textDocument/didOpen", {
            "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text},
        })  # fmt: skip
        self.pump(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, 60
        )
        return self.diagnostics[uri]

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def editor_project(tmp_path_factory):
    """A copy of conf/ (plans, glossary, schemas) and a yaml-language-server talking to us."""
    server = require_file(SERVER)
    node = require_tool("node")
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(ROOT / "conf", root / "conf")
    client = LanguageServer([node, str(server), "--stdio"], root)
    yield root, client
    client.close()


def _edit(root: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A plan with one mistake; the mistake's line (0-based, as LSP counts)."""
    text = (ROOT / "conf" / "plans" / "003.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = root / "conf" / "plans" / name
    path.write_text(text, encoding="utf-8")
    needle = new.splitlines()[-1]
    return path, text.splitlines().index(needle)


@pytest.mark.parametrize(
    ("old", "new", "column", "words"),
    [
        ("      - lines: 6-12", "      - lines: 6-12\n        mvoe: printed elsewhere", 8, "mvoe"),
        ("layout: lines", "layout: wraped", 8, '"lines", "wrapped"'),
        ("    title: 2", "    title: 0", 11, "below the minimum of 1"),
        # a pattern's failure shows the schema's own words
        ("    references: 13-15", "    references: 13 to 15", 16, "or a range of lines like 12-15"),
    ],
    ids=["typo-key", "wrong-layout", "line-0", "range-text"],
)
def test_the_editor_underlines_a_mistake_on_its_line(editor_project, request, old, new, column, words):
    root, server = editor_project
    path, line = _edit(root, f"{request.node.callspec.id}.yaml", old, new)
    diagnostics = server.open(path)
    assert [d["range"]["start"] for d in diagnostics] == [{"line": line, "character": column}], diagnostics
    assert words in diagnostics[0]["message"]
    assert diagnostics[0]["severity"] == 1  # an error, underlined red


def test_the_real_plans_and_glossary_show_no_mistakes(editor_project):
    root, server = editor_project
    files = [*sorted((root / "conf" / "plans").glob("0*.yaml")), root / "conf" / "glossary.yaml"]
    assert {f.name: server.open(f) for f in files} == {f.name: [] for f in files}


def test_hovering_a_key_shows_its_description(editor_project):
    root, server = editor_project
    path, line = _edit(root, "hover.yaml", "layout: lines", "layout: lines")
    server.open(path)
    hover = server.request("textDocument/hover", {
        "textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": 2},
    })  # fmt: skip
    assert "hard-wrapped at the column width" in json.dumps(hover, ensure_ascii=False)


def test_the_editor_underlines_a_mistake_in_a_quotation(editor_project):
    root, server = editor_project
    text = (ROOT / "conf" / "glossary.yaml").read_text(encoding="utf-8")
    old = "    - {article: guangyang-medical-insurance, paragraph: 1, text: 思想政治工作是"
    assert old in text
    text = text.replace(old, old.replace("paragraph:", "paragrph:"), 1)
    path = root / "conf" / "quotation-typo.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, t in enumerate(lines) if "paragrph:" in t)
    diagnostics = server.open(path)
    starts = [d["range"]["start"] for d in diagnostics]
    # yaml-language-server reports the unknown key and the missing one, both on the quotation's line
    assert {"line": line, "character": lines[line].index("paragrph")} in starts, diagnostics
    assert all(s["line"] == line for s in starts), diagnostics
    assert any("paragrph" in d["message"] for d in diagnostics), diagnostics
