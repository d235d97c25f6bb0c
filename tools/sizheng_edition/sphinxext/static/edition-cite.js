// Citing (sphinxext/citation.py): a copy button under each citation of the panel at the
// end of an essay, and a "cite" action after each paragraph number that shows that
// paragraph's citation (¶ n and the address with #pn) in a dialog.  The page reads and
// cites completely without this script: the panel is text and each number a permalink.
(() => {
  "use strict";
  const panel = document.querySelector('aside.cite-panel[data-cite-kind="article"]')
    || document.querySelector("aside.cite-panel");
  if (!panel) return;

  // GB/T 7714 asks for the date the reader consulted the page.
  const today = new Date().toISOString().slice(0, 10);
  const dated = (text) => text.replace("[引用日期]", `[${today}]`);

  const status = document.createElement("p");
  status.className = "cite-status";
  status.setAttribute("role", "status");

  async function copy(text, where) {
    try {
      await navigator.clipboard.writeText(text);
      where.textContent = "Copied to the clipboard.";
    } catch {
      where.textContent = "Copying is not allowed here: select the text to copy it.";
    }
  }

  function copyButton(label, text, where) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cite-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", `Copy the ${label} citation`);
    button.addEventListener("click", () => copy(text(), where));
    return button;
  }

  const styles = [["chicago", "Chicago"], ["gbt", "GB/T 7714"]];
  for (const [key, label] of styles) {
    const para = panel.querySelector(`p.cite-${key}`);
    if (para) para.append(copyButton(label, () => dated(panel.dataset[`cite${key[0].toUpperCase()}${key.slice(1)}`]), status));
  }
  panel.querySelector(".cite-this")?.append(status);

  if (panel.dataset.citeKind !== "article") return;

  // One dialog for every paragraph: the browser keeps it inside the viewport, traps the
  // focus while open and closes it on Escape.
  const url = panel.dataset.citeUrl;
  const address = url || panel.dataset.citeAddress || "";
  const dialog = document.createElement("dialog");
  dialog.className = "cite-dialog";
  dialog.setAttribute("lang", "en");
  dialog.setAttribute("aria-labelledby", "cite-dialog-title");
  dialog.innerHTML = '<button type="button" class="cite-dialog-close">Close</button>'
    + '<h2 id="cite-dialog-title"></h2><p class="cite-chicago"></p><p class="cite-gbt"></p>'
    + '<p class="cite-status" role="status"></p>';
  document.body.append(dialog);
  const dialogStatus = dialog.querySelector(".cite-status");
  dialog.querySelector(".cite-dialog-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });

  function forParagraph(text, n) {
    const place = url ? `${url}#p${n}` : address;
    return address && text.includes(address)
      ? dated(text.replace(address, `¶ ${n}. ${place}`))
      : dated(`${text} ¶ ${n}.`);
  }

  function open(n, opener) {
    dialog.querySelector("h2").textContent = `Cite paragraph ${n}`;
    for (const [key, label] of styles) {
      const text = forParagraph(panel.dataset[`cite${key[0].toUpperCase()}${key.slice(1)}`], n);
      const para = dialog.querySelector(`p.cite-${key}`);
      const strong = document.createElement("strong");
      strong.textContent = label;
      const body = document.createElement("span");
      body.className = "cite-text";
      body.textContent = text;
      para.replaceChildren(strong, " ", body, copyButton(label, () => text, dialogStatus));
    }
    dialogStatus.textContent = "";
    dialog.addEventListener("close", () => opener.focus(), { once: true });
    dialog.showModal();
  }

  for (const number of document.querySelectorAll("a.para-number")) {
    const n = number.textContent.trim();
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cite-para";
    button.textContent = "cite";
    button.setAttribute("aria-label", `Cite paragraph ${n}`);
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", () => open(n, button));
    number.after(button);
  }
})();
