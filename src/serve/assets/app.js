// newsdex search page: calls /api/search and /api/articles/{id}; every value it shows is
// inserted as text (textContent), except the snippet, which the server sends HTML-escaped
// with <b> around matches and which is rebuilt here, node by node, from those parts alone.
"use strict";

const PAGE = 10;
const $ = (id) => document.getElementById(id);
let offset = 0;

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

// The snippet as nodes: text, and <b> runs, from the server's escaped HTML, never parsed as HTML.
function snippetNode(html) {
  const out = el("p", null, "snippet");
  const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const parts = String(html).split(/(<b>|<\/b>)/);
  let bold = false;
  for (const part of parts) {
    if (part === "<b>") { bold = true; continue; }
    if (part === "</b>") { bold = false; continue; }
    if (part) out.appendChild(bold ? el("b", decode(part)) : document.createTextNode(decode(part)));
  }
  return out;
}

function headers() {
  const token = sessionStorage.getItem("newsdex-token");
  return token ? { Authorization: "Bearer " + token } : {};
}

async function api(path) {
  const response = await fetch(path, { headers: headers() });
  const body = await response.json().catch(() => ({ error: "not JSON" }));
  if (response.status === 401) {
    $("token-box").hidden = false;
    $("token").focus();
  }
  if (!response.ok) throw new Error(body.error || ("status " + response.status));
  return body;
}

function params() {
  const p = new URLSearchParams();
  p.set("q", $("q").value);
  for (const name of ["speaker", "source", "since", "until"]) {
    const value = $(name).value.trim();
    if (value) p.set(name, value);
  }
  p.set("sort", $("sort").value);
  p.set("limit", PAGE);
  p.set("offset", offset);
  p.set("facets", "true");
  return p;
}

// The search in the address bar, so it can be bookmarked and shared (never the token). A new
// search or filter is a new history entry, so the Back button returns to the one before.
function saveState() {
  const p = params();
  p.delete("limit");
  p.delete("facets");
  if (p.get("sort") === "relevance") p.delete("sort");
  if (p.get("offset") === "0") p.delete("offset");
  const next = "?" + p;
  if (next === location.search) return;
  if (location.search) history.pushState(null, "", next);
  else history.replaceState(null, "", next);
}

function loadState() {
  const p = new URLSearchParams(location.search);
  $("q").value = p.get("q") || "";
  for (const name of ["speaker", "source", "since", "until"]) $(name).value = p.get(name) || "";
  const sort = p.get("sort");
  if (["relevance", "newest", "oldest"].includes(sort)) $("sort").value = sort;
  offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  if ($("q").value.trim()) search();
  else for (const id of ["results", "facets", "pager"]) $(id).replaceChildren();
}

async function search() {
  if (!$("q").value.trim()) return;
  saveState();
  const token = $("token").value;
  if (token) sessionStorage.setItem("newsdex-token", token);
  $("status").textContent = "Searching…";
  $("status").className = "";
  $("article").hidden = true;
  try {
    const data = await api("/api/search?" + params());
    const ms = Number(data.took_ms).toFixed(1);
    $("status").textContent = data.total + (data.total === 1 ? " passage" : " passages") +
      " (" + ms + " ms)" + (data.hints ? " — " + data.hints.join("; ") : "") +
      (data.notes ? " — " + data.notes.join("; ") : "");
    showHits(data);
    showFacets(data.facets);
    showPager(data.total);
  } catch (error) {
    $("status").textContent = error.message;
    $("status").className = "error";
    $("results").replaceChildren();
    $("facets").replaceChildren();
    $("pager").replaceChildren();
  }
}

function showHits(data) {
  const list = $("results");
  list.replaceChildren();
  for (const hit of data.hits) {
    const item = el("div", null, "hit");
    const title = el("h3");
    const open = el("button", hit.rank + ". " + hit.title, "link");
    open.type = "button";
    open.addEventListener("click", () => showArticle(hit.article_id, hit.paragraph));
    title.appendChild(open);
    item.appendChild(title);
    item.appendChild(el("div", [hit.speaker || "no speaker", hit.source || "unknown source",
      hit.date || "undated", "¶" + hit.paragraph].join(" · "), "meta"));
    item.appendChild(snippetNode(hit.snippet));
    list.appendChild(item);
  }
}

function showFacets(facets) {
  const box = $("facets");
  box.replaceChildren();
  if (!facets) return;
  for (const [name, field] of [["speaker", "Speakers"], ["source", "Sources"]]) {
    box.appendChild(el("h2", field));
    const list = el("ul");
    for (const { value, count } of facets[name].slice(0, 15)) {
      const item = el("li");
      if (value === "unknown") {
        item.textContent = value + " (" + count + ")";
      } else {
        const chosen = $(name).value === value;
        const pick = el("button", (chosen ? "✕ " : "") + value + " (" + count + ")", "link");
        pick.type = "button";
        pick.setAttribute("aria-pressed", String(chosen));
        pick.addEventListener("click", () => {
          $(name).value = chosen ? "" : value;
          offset = 0;
          search();
        });
        item.appendChild(pick);
      }
      list.appendChild(item);
    }
    box.appendChild(list);
  }
  showDates(box, facets.date || []);
}

// The whole match set by date, as bars; a click keeps that day only, a second click all days.
function showDates(box, dates) {
  const known = dates.filter((d) => d.value !== "unknown").sort((a, b) => (a.value < b.value ? -1 : 1));
  if (!known.length) return;
  box.appendChild(el("h2", "Dates"));
  const list = el("ul", null, "dates");
  const most = Math.max(...known.map((d) => d.count));
  for (const { value, count } of known.slice(-30)) {
    const item = el("li");
    const pick = el("button", value + " ", "link");
    pick.type = "button";
    const chosen = $("since").value === value && $("until").value === value;
    if (chosen) pick.textContent = "✕ " + value + " ";
    pick.setAttribute("aria-pressed", String(chosen));
    pick.addEventListener("click", () => {
      $("since").value = chosen ? "" : value;
      $("until").value = chosen ? "" : value;
      offset = 0;
      search();
    });
    const bar = el("span", "█".repeat(Math.max(1, Math.round((count * 10) / most))) + " " + count, "bar");
    item.appendChild(pick);
    item.appendChild(bar);
    list.appendChild(item);
  }
  box.appendChild(list);
}

function showPager(total) {
  const nav = $("pager");
  nav.replaceChildren();
  const page = (label, to) => {
    const button = el("button", label);
    button.type = "button";
    button.addEventListener("click", () => { offset = to; search(); });
    nav.appendChild(button);
  };
  if (offset > 0) page("← Previous", Math.max(0, offset - PAGE));
  if (total > 0) nav.appendChild(el("span", "Passages " + (offset + 1) + "–" + Math.min(total, offset + PAGE) + " of " + total + " "));
  if (offset + PAGE < total) page("Next →", offset + PAGE);
}

// Closes the article view and gives the focus back to the result that opened it.
let opener = null;
function closeArticle() {
  if ($("article").hidden) return;
  $("article").hidden = true;
  if (opener && opener.isConnected) opener.focus();
}

async function showArticle(id, paragraph) {
  const view = $("article");
  opener = document.activeElement;
  try {
    const a = await api("/api/articles/" + id.split("/").map(encodeURIComponent).join("/"));
    view.replaceChildren();
    view.appendChild(el("h2", a.title));
    view.appendChild(el("p", [a.source || "unknown source", a.date || "undated", a.article_id].join(" · "), "meta"));
    if (a.url && /^https?:\/\//i.test(a.url)) {
      const link = el("a", a.url);
      link.href = a.url;
      link.rel = "noopener noreferrer";
      view.appendChild(link);
    }
    for (const p of a.passages) {
      const block = el("div", null, "passage");
      block.id = "p-" + p.paragraph + "-" + p.start;
      block.appendChild(el("div", "¶" + p.paragraph + " " + p.kind + (p.speaker ? " · " + p.speaker : "") +
        (p.evidence ? " (" + p.evidence + ")" : ""), "meta"));
      block.appendChild(el("p", p.text));
      view.appendChild(block);
    }
    const close = el("button", "Close article");
    close.type = "button";
    close.addEventListener("click", closeArticle);
    view.appendChild(close);
    view.hidden = false;
    view.tabIndex = -1;
    const target = a.passages.find((p) => p.paragraph === paragraph);
    const node = target && document.getElementById("p-" + target.paragraph + "-" + target.start);
    if (node) node.classList.add("current");
    (node || view).scrollIntoView();
    view.focus({ preventScroll: true });
  } catch (error) {
    $("status").textContent = error.message;
    $("status").className = "error";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  loadState();
  $("search").addEventListener("submit", (event) => { event.preventDefault(); offset = 0; search(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && !["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) { event.preventDefault(); $("q").focus(); }
    if (event.key === "Escape") closeArticle();
  });
  window.addEventListener("popstate", loadState);
});
