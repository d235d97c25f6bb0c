/* Notes and glosses where the eye is (progressive enhancement: without this script the
   notes are footnotes at the end of the essay and a term links to its glossary entry).

   - Editorial notes: on wide screens each note sits in the margin beside its paragraph
     (a sidenote); on narrow screens a tap on the note mark, or keyboard focus on it,
     opens the note in place, inside the viewport.
   - Glossary links: a tap, hover or keyboard focus opens the gloss (pinyin, English,
     a link to the entry) in place.  The gloss is read from the link's data-* attributes
     and the popover exists only while open, placed outside the text's flow and not
     selectable, so neither search snippets nor copied text ever carry it.
   - A "show all terms" switch, remembered, marks every glossary link, not only the
     first occurrence of each term.
   A popover closes on Esc, on its close button, on a tap outside, or when focus leaves. */
(() => {
  "use strict";

  const SHOW_TERMS_KEY = "edition-show-terms";
  const root = document.documentElement;
  const stored = (key) => {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage refused (private mode): the default applies
    }
  };
  const store = (key, value) => {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      /* not remembered, still applied */
    }
  };
  if (stored(SHOW_TERMS_KEY) === "1") root.classList.add("edition-show-terms");

  // furo's two drawers are both unnamed complementary landmarks; a screen reader's list
  // of landmarks cannot tell them apart (axe: landmark-unique).
  for (const [selector, name] of [[".sidebar-drawer", "Site navigation"], [".toc-drawer", "On this page"]]) {
    const drawer = document.querySelector(selector);
    if (drawer && !drawer.hasAttribute("aria-label")) drawer.setAttribute("aria-label", name);
  }

  // furo's "Back to top" (shown once the reader has scrolled) stands outside every
  // landmark (axe: region): a small navigation landmark of its own.
  const backToTop = document.querySelector(".back-to-top");
  if (backToTop && !backToTop.closest("nav, main, header, footer, aside, [role]")) {
    const nav = document.createElement("nav");
    nav.setAttribute("aria-label", "Back to top");
    nav.style.display = "contents";
    backToTop.before(nav);
    nav.append(backToTop);
  }

  const main = document.querySelector('article[role="main"]');
  if (!main) return;

  // --- The one popover ---------------------------------------------------------------

  let open = null; // {trigger, element, pinned}
  let serial = 0;
  let returning = false; // focus given back to a mark must not open it again
  const MARGIN = 8;

  function place(trigger, element) {
    const rects = trigger.getClientRects();
    const r = rects.length ? rects[0] : trigger.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    element.style.maxWidth = `${Math.min(vw - 2 * MARGIN, 352)}px`;
    element.style.maxHeight = `${vh - 2 * MARGIN}px`;
    element.style.left = "0px";
    element.style.top = "0px";
    const w = element.offsetWidth;
    const h = element.offsetHeight;
    const left = Math.max(MARGIN, Math.min(r.left, vw - w - MARGIN));
    let top = r.bottom + 6;
    if (top + h > vh - MARGIN) top = r.top - h - 6; // no room below: above the mark
    if (top < MARGIN) top = Math.max(MARGIN, vh - h - MARGIN);
    element.style.left = `${Math.round(left)}px`;
    element.style.top = `${Math.round(top)}px`;
  }

  function close(returnFocus) {
    if (!open) return;
    const { trigger, element } = open;
    open = null;
    if (trigger.hasAttribute("aria-expanded")) trigger.setAttribute("aria-expanded", "false");
    trigger.removeAttribute("aria-controls");
    element.remove();
    if (returnFocus) {
      returning = true;
      trigger.focus();
      returning = false;
    }
  }

  const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';
  const focusables = (scope) =>
    [...scope.querySelectorAll(FOCUSABLE)].filter((el) => el.getClientRects().length && !el.closest("[hidden]"));

  /* The popover lives at the end of the body, outside the text (so that no selection or
     copy of a paragraph reaches it); Tab moves from its mark into it and on from it to
     whatever follows the mark, as if it stood right after the mark. */
  function tabFromTrigger(event) {
    if (event.key !== "Tab" || !open || event.target !== open.trigger || event.shiftKey) return;
    const inside = focusables(open.element);
    if (!inside.length) return;
    event.preventDefault();
    open.pinned = true;
    inside[0].focus();
  }
  function tabInPopover(event) {
    if (event.key !== "Tab" || !open) return;
    const inside = focusables(open.element);
    const { trigger } = open;
    if (event.shiftKey && document.activeElement === inside[0]) {
      event.preventDefault();
      close(true);
    } else if (!event.shiftKey && document.activeElement === inside[inside.length - 1]) {
      event.preventDefault();
      const all = focusables(document.body);
      const next = all[all.indexOf(trigger) + 1];
      close(false);
      (next || trigger).focus();
    }
  }

  function show(trigger, kind, label, fill, pinned) {
    if (open && open.trigger === trigger) {
      open.pinned = open.pinned || pinned;
      return;
    }
    close(false);
    const element = document.createElement("div");
    element.className = `edition-popover edition-popover-${kind}`;
    element.id = `edition-popover-${++serial}`;
    element.setAttribute("role", "dialog");
    element.setAttribute("aria-label", label);
    element.lang = "en";
    fill(element);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "edition-popover-close";
    button.setAttribute("aria-label", "Close");
    button.textContent = "×";
    button.addEventListener("click", () => close(true));
    element.append(button);
    element.setAttribute("data-pagefind-ignore", "all");
    element.addEventListener("keydown", tabInPopover);
    document.body.append(element);
    if (trigger.hasAttribute("aria-expanded")) trigger.setAttribute("aria-expanded", "true");
    trigger.setAttribute("aria-controls", element.id);
    open = { trigger, element, pinned };
    place(trigger, element);
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (open && !open.element.contains(event.target) && !open.trigger.contains(event.target)) close(false);
  });
  document.addEventListener("focusout", () => {
    // After the focus has moved: close when it left both the mark and its popover.
    window.setTimeout(() => {
      if (!open || open.pinned) return;
      const active = document.activeElement;
      if (active && (open.element.contains(active) || open.trigger.contains(active))) return;
      if (open.hovered) return;
      close(false);
    }, 0);
  });
  const follow = () => {
    if (!open) return;
    const r = open.trigger.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) close(false);
    else place(open.trigger, open.element);
  };
  window.addEventListener("scroll", follow, { passive: true });
  window.addEventListener("resize", follow);

  /* A mark that opens a popover: on tap or click (toggles, stays open), on keyboard
     focus (closes when focus leaves), on mouse hover (closes when the mouse leaves). */
  function enhance(trigger, kind, label, fill) {
    trigger.addEventListener("keydown", tabFromTrigger);
    trigger.addEventListener("keydown", (event) => {
      if (event.key === " " && trigger.getAttribute("role") === "button") {
        event.preventDefault();
        trigger.click();
      }
    });
    trigger.addEventListener("click", (event) => {
      // Enter on a gloss follows the link to the entry (the gloss is already shown);
      // a note mark is a button that opens and closes its note.
      if (event.detail === 0 && kind === "gloss") return;
      event.preventDefault();
      if (open && open.trigger === trigger && open.pinned) close(false);
      else show(trigger, kind, label, fill, true);
    });
    trigger.addEventListener("focus", () => {
      if (!returning && trigger.matches(":focus-visible")) show(trigger, kind, label, fill, false);
    });
    trigger.addEventListener("pointerenter", (event) => {
      if (event.pointerType !== "mouse") return;
      show(trigger, kind, label, fill, false);
      if (open) open.hovered = true;
    });
    trigger.addEventListener("pointerleave", (event) => {
      if (event.pointerType !== "mouse" || !open || open.trigger !== trigger || open.pinned) return;
      const element = open.element;
      window.setTimeout(() => {
        if (open && open.element === element && !open.pinned && !element.matches(":hover")) close(false);
      }, 300);
    });
  }

  // --- Glosses --------------------------------------------------------------------------

  const links = [...main.querySelectorAll("a.term-link[data-english]")];
  // One hidden description per term, outside the text: the links' accessible
  // description once the title (the no-script tip) is gone.
  const descriptions = document.createElement("div");
  descriptions.hidden = true;
  descriptions.setAttribute("data-pagefind-ignore", "all");
  const described = new Map();
  for (const link of links) {
    const text = `${link.dataset.pinyin}: ${link.dataset.english}`;
    if (!described.has(text)) {
      const span = document.createElement("span");
      span.id = `edition-gloss-${described.size + 1}`;
      span.lang = "en";
      span.textContent = text;
      descriptions.append(span);
      described.set(text, span.id);
    }
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", described.get(text));
    const term = link.textContent;
    enhance(link, "gloss", `Glossary: ${term}`, (element) => {
      const head = document.createElement("p");
      head.className = "edition-gloss-term";
      const han = document.createElement("span");
      han.lang = "zh-Hans";
      han.textContent = term;
      const pinyin = document.createElement("span");
      pinyin.className = "edition-gloss-pinyin";
      pinyin.lang = "zh-Latn-pinyin";
      pinyin.textContent = link.dataset.pinyin;
      head.append(han, " ", pinyin);
      const english = document.createElement("p");
      english.className = "edition-gloss-english";
      english.textContent = link.dataset.english;
      const entry = document.createElement("a");
      entry.setAttribute("href", link.getAttribute("href"));
      entry.textContent = "Glossary entry →";
      const more = document.createElement("p");
      more.append(entry);
      element.append(head, english, more);
    });
  }
  if (links.length) document.body.append(descriptions);

  // The switch: only where some terms are quiet.
  const repeats = main.querySelector("a.term-link.term-repeat");
  // Under the byline, before the text: where a reader looks before reading.
  const title = main.querySelector("p.affiliation") || main.querySelector("p.byline") || main.querySelector("h1");
  if (repeats && title) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "edition-show-terms-switch";
    button.lang = "en";
    button.textContent = "Mark every glossary term";
    const sync = () =>
      button.setAttribute("aria-pressed", String(root.classList.contains("edition-show-terms")));
    sync();
    button.addEventListener("click", () => {
      const on = root.classList.toggle("edition-show-terms");
      store(SHOW_TERMS_KEY, on ? "1" : "0");
      sync();
    });
    title.after(button);
  }

  // --- Notes ----------------------------------------------------------------------------

  const marks = [...main.querySelectorAll('a.footnote-reference[href^="#"]')];
  const noteOf = (mark) => document.getElementById(decodeURIComponent(mark.hash.slice(1)));
  const number = (mark) => mark.textContent.replace(/[[\]]/g, "").trim();

  /* The note's text without its label and without ids (a copy must not repeat them). */
  function noteBody(note) {
    const body = document.createElement("div");
    body.className = "edition-note-body";
    for (const child of note.children) {
      if (child.classList.contains("label")) continue;
      const copy = child.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
      body.append(copy);
    }
    return body;
  }

  const wide = window.matchMedia("(min-width: 60em)");
  const PARALLEL = "details.witness-lines, details.original";
  let sidenotes = [];

  function clearSidenotes() {
    // Without sidenotes a mark opens its note in place: a disclosure button.
    marks.forEach((mark) => {
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-expanded", "false");
    });
    sidenotes.forEach((aside) => aside.remove());
    sidenotes = [];
    main.classList.remove("edition-has-sidenotes");
  }

  /* Sidenotes: each note beside its mark, pushed down below the one before. */
  function layoutSidenotes() {
    clearSidenotes();
    if (!wide.matches || !marks.length) return false;
    const box = main.getBoundingClientRect();
    const toc = document.querySelector(".toc-drawer");
    const tocLeft = toc && toc.getBoundingClientRect().width && getComputedStyle(toc).position !== "fixed"
      ? toc.getBoundingClientRect().left
      : document.documentElement.clientWidth;
    const rem = parseFloat(getComputedStyle(root).fontSize) || 16;
    let bottom = 0;
    const made = [];
    const lastBeside = new Map(); // paragraph → its last sidenote, to keep notes in order
    for (const mark of marks) {
      const note = noteOf(mark);
      const paragraph = mark.closest("p");
      if (!note || !paragraph) continue;
      // The paragraph's row: in a parallel view its source lines or original stand
      // beside it (edition-views.css), and the margin begins after them.
      let last = paragraph;
      let right = paragraph.getBoundingClientRect().right;
      for (let next = paragraph.nextElementSibling; next && next.matches(PARALLEL); next = next.nextElementSibling) {
        if (next.getClientRects().length) right = Math.max(right, next.getBoundingClientRect().right);
        last = next;
      }
      const left = right - box.left + 1.5 * rem;
      const width = Math.min(18 * rem, tocLeft - box.left - left - rem);
      if (width < 10 * rem) {
        made.forEach((aside) => aside.remove());
        return false; // no room in the margin: popovers instead
      }
      const aside = document.createElement("aside");
      aside.className = "edition-sidenote";
      aside.lang = "en";
      aside.tabIndex = -1;
      aside.setAttribute("aria-label", `Note ${number(mark)}`);
      const label = document.createElement("span");
      label.className = "edition-sidenote-number";
      label.textContent = number(mark);
      aside.append(label, noteBody(note));
      // After the paragraph's parallel blocks, so they stay its next siblings.
      (lastBeside.get(paragraph) || last).after(aside);
      lastBeside.set(paragraph, aside);
      aside.style.left = `${Math.round(left)}px`;
      aside.style.width = `${Math.round(width)}px`;
      const top = Math.max(mark.getBoundingClientRect().top - box.top - 0.2 * rem, bottom);
      aside.style.top = `${Math.round(top)}px`;
      bottom = top + aside.offsetHeight + 0.75 * rem;
      aside.dataset.mark = mark.id;
      made.push(aside);
    }
    sidenotes = made;
    main.classList.add("edition-has-sidenotes");
    // Beside its sidenote a mark is again a link (to the sidenote, by the script).
    marks.forEach((mark) => {
      mark.removeAttribute("aria-expanded");
      mark.setAttribute("role", "doc-noteref");
    });
    return true;
  }

  const sidenoteOf = (mark) => sidenotes.find((aside) => aside.dataset.mark === mark.id);
  for (const mark of marks) {
    const note = noteOf(mark);
    if (!note) continue;
    const label = `Note ${number(mark)}`;
    const fill = (element) => {
      const head = document.createElement("p");
      head.className = "edition-note-head";
      head.textContent = label;
      element.append(head, noteBody(note));
    };
    enhance(mark, "note", label, fill);
    // Beside the text, the mark points at its sidenote instead of opening a popover.
    const toSidenote = (event) => {
      const aside = sidenoteOf(mark);
      if (!aside) return false;
      event.stopImmediatePropagation();
      sidenotes.forEach((other) => other.classList.toggle("edition-sidenote-current", other === aside));
      if (event.type !== "pointerenter") {
        // A long note beside a mark low on the screen: bring all of it into view.
        const r = aside.getBoundingClientRect();
        if (r.bottom > window.innerHeight || r.top < 0) aside.scrollIntoView({ block: "nearest", behavior: "instant" });
      }
      return aside;
    };
    mark.addEventListener(
      "click",
      (event) => {
        const aside = toSidenote(event);
        if (!aside) return;
        event.preventDefault();
        aside.focus({ preventScroll: true });
      },
      { capture: true },
    );
    for (const type of ["focus", "pointerenter"]) mark.addEventListener(type, toSidenote, { capture: true });
  }

  let pending = 0;
  const relayout = () => {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(() => {
      if (layoutSidenotes()) close(false);
    });
  };
  relayout();
  window.addEventListener("resize", relayout);
  // Another view (edition-views.js) or a block opened moves the paragraphs.
  new MutationObserver(relayout).observe(root, { attributes: true, attributeFilter: ["data-view"] });
  document.addEventListener("toggle", relayout, true);
  if (document.fonts) document.fonts.ready.then(relayout);
})();
