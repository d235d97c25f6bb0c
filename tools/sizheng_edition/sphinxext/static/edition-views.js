/* The view switch: reading text alone, beside its source lines, or beside the
   traditional original (sphinxext/views.py).  Without this script every block is a
   closed <details> under its paragraph, which a click opens: the page reads in full. */
(() => {
  "use strict";
  const KEY = "edition-view";
  const VIEWS = [
    ["text", "Text"],
    ["witness-lines", "Source lines"],
    ["original", "Traditional original"],
  ];
  const root = document.documentElement;
  const remembered = () => {
    try { return localStorage.getItem(KEY) || "text"; } catch (e) { return "text"; }
  };
  const offered = VIEWS.filter(([v]) => v === "text" || document.querySelector(`details.${v}`));
  if (offered.length < 2) return;

  function show(view, save) {
    if (!offered.some(([v]) => v === view)) view = "text";
    root.dataset.view = view;
    for (const d of document.querySelectorAll("details.witness-lines, details.original")) {
      d.open = d.classList.contains(view);
    }
    for (const input of document.querySelectorAll("input[name=edition-view]")) {
      input.checked = input.value === view;
    }
    if (save) {
      try { localStorage.setItem(KEY, view); } catch (e) { /* private mode: this page only */ }
    }
  }

  // A radio group: arrow keys move between views, as a reader of forms expects.
  const group = document.createElement("fieldset");
  group.className = "view-switch";
  group.lang = "en";
  group.setAttribute("data-pagefind-ignore", "all");
  const legend = document.createElement("legend");
  legend.textContent = "Read";
  group.append(legend);
  for (const [value, label] of offered) {
    const item = document.createElement("label");
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "edition-view";
    input.value = value;
    input.addEventListener("change", () => show(value, true));
    item.append(input, " ", label);
    group.append(item);
  }
  const provenance = document.querySelector("article div.provenance");
  const heading = document.querySelector("article h1");
  (provenance || heading).after(group);
  show(remembered(), false);
  // Another tab changed the view: follow it.
  addEventListener("storage", (e) => { if (e.key === KEY) show(remembered(), false); });
})();
