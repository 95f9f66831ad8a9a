/* contentlint HTML report: filters, popover, jump to highlight, sortable index.
   Inlined into the report and allowed by its CSP hash. It only reads the report's own
   DOM and copies existing nodes (cloneNode/textContent), never innerHTML, so article
   text stays inert here too. Everything works without it: entries are #anchors. */
(() => {
  "use strict";
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const byId = (id) => document.getElementById(id);
  const pieces = (id) => $$(`mark[data-f="${CSS.escape(id)}"]`);
  const pop = byId("pop");
  let pinned = null;

  /* Filters, per article: a finding shows when its severity and its rule are both ticked. */
  function applyFilters(section) {
    const ticked = (kind) =>
      new Set($$(`input[data-k="${kind}"]:checked`, section).map((box) => box.value));
    const sev = ticked("sev"), rule = ticked("rule"), visible = new Set();
    const entries = $$(".e", section);
    for (const entry of entries) {
      const on = sev.has(entry.dataset.sev) && rule.has(entry.dataset.code);
      entry.hidden = !on;
      if (on) visible.add(entry.dataset.f);
    }
    for (const mark of $$("mark[data-f]", section)) mark.classList.toggle("off", !visible.has(mark.dataset.f));
    for (const item of $$(".x", section)) item.hidden = !visible.has(item.dataset.f);
    for (const block of $$("[data-fs]", section)) {
      const sevs = block.dataset.fs.split(" ").filter((id) => visible.has(id)).map((id) => byId("e" + id).dataset.sev);
      block.classList.toggle("off", !sevs.length);
      if (sevs.length) block.dataset.sv = ["error", "warning", "info"].find((s) => sevs.includes(s));
    }
    const count = section.querySelector(".shown .c");
    if (count) count.textContent = `${visible.size} of ${entries.length} shown`;
    if (pinned && pinned.classList.contains("off")) hide();
  }

  /* Popover: every visible finding covering the point (nested marks), with the rule's why. */
  function card(id) {
    const entry = byId("e" + id), box = document.createElement("div");
    box.className = "pc";
    const head = document.createElement("p");
    head.className = "ph";
    head.append(...Array.from(entry.querySelector(".go").childNodes, (node) => node.cloneNode(true)));
    box.append(head, entry.querySelector(".d").cloneNode(true));
    const doc = byId(entry.dataset.rule)?.nextElementSibling?.cloneNode(true);
    if (doc && box.querySelector(".fx")) doc.querySelector(".rfix")?.remove(); // the finding's own hint wins
    if (doc) box.append(doc);
    return box;
  }
  function chain(mark) {
    const ids = [];
    for (let m = mark; m; m = m.parentElement.closest("mark[data-f]")) {
      if (!m.classList.contains("off") && !ids.includes(m.dataset.f)) ids.push(m.dataset.f);
    }
    return ids;
  }
  function place(mark) {
    const r = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const w = pop.offsetWidth, h = pop.offsetHeight;
    let y = r.bottom + 6;
    if (y + h > innerHeight - 8 && r.top - h - 6 > 8) y = r.top - h - 6;
    pop.style.left = Math.max(8, Math.min(r.left, innerWidth - w - 8)) + "px";
    pop.style.top = Math.max(8, y) + "px";
  }
  function show(mark, pin) {
    const ids = chain(mark);
    if (!ids.length) return;
    pop.replaceChildren(...ids.map(card));
    pop.hidden = false;
    place(mark);
    pinned = pin ? mark : null;
  }
  function hide() {
    pop.hidden = true;
    pinned = null;
  }

  /* Jump from an entry to its highlight (or to its line in the "not in the text" box). */
  function jump(id) {
    const target = byId("m" + id) || byId("x" + id);
    if (!target) return;
    for (const node of $$(".active")) node.classList.remove("active", "flash");
    const lit = target.tagName === "MARK" ? pieces(id) : [target];
    for (const node of lit) {
      node.classList.remove("flash");
      void node.offsetWidth; // restart the animation
      node.classList.add("active", "flash");
    }
    byId("e" + id)?.classList.add("active");
    target.scrollIntoView({ block: "center" });
    if (target.tagName === "MARK") {
      target.focus({ preventScroll: true });
      show(target, true);
    }
  }

  /* Sortable index: numbers numerically (no score sorts lowest), text by locale. */
  function sortBy(th) {
    const table = th.closest("table"), col = th.cellIndex, numeric = th.firstElementChild.dataset.t === "n";
    const asc = th.getAttribute("aria-sort") !== "ascending";
    for (const other of $$("th", table.tHead)) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    const rows = $$("tr", table.tBodies[0]).map((row, i) => [row.cells[col].dataset.v, i, row]);
    const cmp = numeric ? (a, b) => parseFloat(a) - parseFloat(b) : (a, b) => a.localeCompare(b);
    rows.sort((a, b) => (asc ? cmp(a[0], b[0]) : cmp(b[0], a[0])) || a[1] - b[1]);
    table.tBodies[0].append(...rows.map((r) => r[2]));
  }

  document.addEventListener("change", (ev) => {
    const section = ev.target.closest(".art");
    if (ev.target.matches("input[data-k]") && section) applyFilters(section);
  });
  document.addEventListener("click", (ev) => {
    const t = ev.target;
    const sortButton = t.closest(".idx th button");
    if (sortButton) return sortBy(sortButton.parentElement);
    const reset = t.closest("button.reset");
    if (reset) {
      const section = reset.closest(".art");
      for (const box of $$("input[data-k]:not(:disabled)", section)) box.checked = true;
      return applyFilters(section);
    }
    const go = t.closest(".go");
    if (go) {
      ev.preventDefault();
      return jump(go.closest("li").dataset.f);
    }
    const mark = t.closest("mark[data-f]");
    if (mark && !mark.classList.contains("off")) return show(mark, true);
    if (!t.closest("#pop")) hide();
  });
  let lit = null; // the finding whose highlight is outlined while the pointer is on its entry
  document.addEventListener("mouseover", (ev) => {
    const mark = ev.target.closest("mark[data-f]");
    if (mark && !pinned && !mark.classList.contains("off")) show(mark, false);
    const id = ev.target.closest(".e")?.dataset.f ?? null;
    if (id === lit) return;
    if (lit) for (const node of pieces(lit)) node.classList.remove("hl");
    if (id) for (const node of pieces(id)) node.classList.add("hl");
    lit = id;
  });
  document.addEventListener("mouseout", (ev) => {
    const to = ev.relatedTarget;
    if (!pinned && ev.target.closest("mark[data-f]") && !(to && to.closest("mark[data-f], #pop"))) hide();
  });
  document.addEventListener("focusin", (ev) => {
    if (ev.target.matches("mark[data-f]") && !pinned) show(ev.target, false);
  });
  document.addEventListener("focusout", (ev) => {
    if (ev.target.matches("mark[data-f]") && !pinned) hide();
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") hide();
    else if (ev.key === "Enter" && ev.target.matches("mark[data-f]")) show(ev.target, true);
  });
  addEventListener("scroll", () => (pinned ? place(pinned) : hide()), { passive: true });
  addEventListener("resize", () => pinned && place(pinned));
})();
