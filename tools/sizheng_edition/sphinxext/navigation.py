"""A sidebar that stays small when the edition grows.

furo renders the whole site's navigation tree into every page: the cost of each page
grows with the number of pages, so a build grows with the square of the corpus (at 100
synthetic sources a third of the build time; docs/benchmark.md).  Above
``edition_nav_full_limit`` documents this module gives furo a bounded tree instead: the
top-level entries, and below them only the branch that leads to the current page, with
at most ``edition_nav_max_siblings`` entries at each level.  Each page then costs the
same whatever the size of the site.  Smaller sites keep furo's full tree.
"""

from __future__ import annotations

import html

from sphinx.application import Sphinx


def _parents(env, root: str) -> dict[str, str]:
    """Each document's parent in the tree under the root (breadth first: another toctree
    that also includes a document, such as the PDF's book.md, does not count)."""
    parents: dict[str, str] = {}
    queue = [root]
    while queue:
        doc = queue.pop(0)
        for child in env.toctree_includes.get(doc, []):
            if child not in parents and child != root:
                parents[child] = doc
                queue.append(child)
    return parents


def _path(parents: dict[str, str], docname: str) -> list[str]:
    path = [docname]
    while path[-1] in parents and parents[path[-1]] not in path:
        path.append(parents[path[-1]])
    return path


def bounded_tree(app: Sphinx, pagename: str) -> str:
    on_path = set(_path(_current["parents"], pagename))
    return _list(app, pagename, app.config.root_doc, on_path, 1)


def _list(app: Sphinx, pagename: str, doc: str, on_path: set[str], level: int) -> str:
    children = app.env.toctree_includes.get(doc, [])
    # The root's own entries are few and written by hand: always all of them.
    limit = app.config.edition_nav_max_siblings if level > 1 else len(children)
    shown = children if len(children) <= limit else [c for c in children if c in on_path]
    items = [_item(app, pagename, child, on_path, level) for child in shown]
    if len(shown) < len(children):
        more = len(children) - len(shown)
        uri = app.builder.get_relative_uri(pagename, doc)
        link = f'<a class="reference internal" href="{uri}">… {more} more</a>'
        items.append(f'<li class="toctree-l{level}">{link}</li>')
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _item(app: Sphinx, pagename: str, doc: str, on_path: set[str], level: int) -> str:
    title = html.escape(app.env.titles[doc].astext()) if doc in app.env.titles else html.escape(doc)
    current = doc in on_path
    classes = f"toctree-l{level}" + (" current" if current else "")
    if doc == pagename:
        link = f'<a class="current reference internal" href="#">{title}</a>'
    else:
        uri = app.builder.get_relative_uri(pagename, doc)
        link = f'<a class="reference internal" href="{uri}">{title}</a>'
    below = _list(app, pagename, doc, on_path, level + 1) if current else ""
    return f'<li class="{classes}">{link}{below}</li>'


_current: dict = {}  # the app being built and its tree; furo's hook has no access to them


def _install(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    try:
        import furo
    except ImportError:
        return
    _current["app"] = app
    if getattr(furo._compute_navigation_tree, "edition_bounded", False):
        return
    full = furo._compute_navigation_tree

    def compute(context):
        current = _current["app"]
        if len(current.env.found_docs) <= current.config.edition_nav_full_limit:
            return full(context)
        return furo.get_navigation_tree(bounded_tree(current, context["pagename"]))

    compute.edition_bounded = True
    furo._compute_navigation_tree = compute


def _remember_parents(app: Sphinx, env) -> None:
    """Once per build, after reading: each document's place in the tree."""
    _current["parents"] = _parents(env, app.config.root_doc)


def setup_navigation(app: Sphinx) -> None:
    app.add_config_value("edition_nav_full_limit", 150, "html")
    app.add_config_value("edition_nav_max_siblings", 60, "html")
    app.connect("builder-inited", _install)
    app.connect("env-updated", _remember_parents)
