// The constant parts of the HTML report: its style sheet and its script.
// The writer (report_html.cc) fills in the document; nothing here depends on
// a report, so the script's hash in the page's Content-Security-Policy is the
// same for every report.
#include "report_html_internal.h"

namespace align::html_internal {
namespace {

constexpr std::string_view kStyle = R"CSS(
:root {
  --ink: #1f2328; --muted: #6a737d; --rule: #d8dee4; --paper: #ffffff; --band: #f6f8fa;
  --err: #b42318; --err-bg: #fdecea; --warn: #9a5b00; --warn-bg: #fff3d6;
  --info: #1d5fb4; --info-bg: #e6effc; --term: #2f7d32; --term-bg: #ebf5ec;
  --dep: #b42318; --dep-bg: #fbe3e1; --low: #c77700;
  --ui-font: system-ui, "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { color: var(--ink); background: var(--paper); font: 15px/1.5 var(--ui-font); }
html:lang(zh) { --ui-font: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
html:lang(ur) { --ui-font: "Noto Naskh Arabic", "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", Tahoma, serif; }
body { margin: 0; }
header.top { padding: 1.25rem 1.5rem 0.75rem; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.35rem; font-weight: 600; margin: 0 0 0.4rem; }
h2 { font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em;
     color: var(--muted); margin: 0.9rem 0 0.4rem; }
html:lang(zh) h2, html:lang(ur) h2 { text-transform: none; letter-spacing: 0; font-size: 0.9rem; }
.inputs { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; margin: 0; padding: 0; list-style: none;
          color: var(--muted); font-size: 0.9rem; }
.inputs b { color: var(--ink); font-weight: 600; }
.inputs code { font-size: 0.85em; }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
.summary li { border: 1px solid var(--rule); border-radius: 6px; padding: 0.35rem 0.7rem; min-width: 7.5rem;
              background: var(--band); }
.summary li.zero { opacity: 0.55; }
.summary .n { display: block; font-size: 1.3rem; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; }
.summary .l { font-size: 0.85rem; color: var(--muted); }
.summary li.total { background: var(--paper); border-color: var(--ink); }
.summary button.card { all: unset; display: block; cursor: pointer; }
.summary button.card:focus-visible { outline: 3px solid #0969da; outline-offset: 0.4rem; border-radius: 2px; }
.summary li:has(> button.card[aria-pressed="true"]) { border-color: var(--ink); box-shadow: 0 0 0 1px var(--ink); opacity: 1; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.85rem; color: var(--muted);
          margin: 0; padding: 0; list-style: none; }
.legend li { white-space: nowrap; }
.toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center;
           gap: 0.4rem 1.2rem; padding: 0.5rem 1.5rem; background: var(--paper);
           border-bottom: 1px solid var(--rule); font-size: 0.9rem; }
.toolbar fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; align-items: center; }
.toolbar legend { float: inline-start; font-weight: 600; margin-inline-end: 0.4rem; padding: 0; }
.toolbar label { white-space: nowrap; cursor: pointer; }
.toolbar .nav { margin-inline-start: auto; display: flex; gap: 0.4rem; align-items: center; }
.toolbar button { font: inherit; padding: 0.2rem 0.7rem; border: 1px solid var(--rule); border-radius: 5px;
                  background: var(--band); cursor: pointer; }
.toolbar button:hover { border-color: var(--muted); }
.toolbar output { min-width: 4.5rem; text-align: center; font-variant-numeric: tabular-nums; color: var(--muted); }
kbd { font: 0.8em ui-monospace, monospace; border: 1px solid var(--rule); border-bottom-width: 2px;
      border-radius: 3px; padding: 0 0.3em; background: var(--band); }
main { padding: 0 1.5rem 3rem; }
table.beads { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 0.5rem; }
table.beads thead th { position: sticky; top: var(--toolbar-height, 2.7rem); z-index: 2; background: var(--paper);
                       text-align: start; font-weight: 600; padding: 0.5rem 0.75rem; border-bottom: 2px solid var(--ink); }
table.beads thead th .file { display: block; font-weight: 400; font-size: 0.8rem; color: var(--muted);
                             overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
col.num { width: 4.2rem; }
tr.bead > * { vertical-align: top; padding: 0.55rem 0.75rem; border-top: 1px solid var(--rule); }
tr.bead > th { font-weight: 400; text-align: end; color: var(--muted); font-size: 0.85rem; }
tr.bead > th a { color: inherit; text-decoration: none; font-variant-numeric: tabular-nums; }
tr.bead > th .score { display: block; font-size: 0.75rem; opacity: 0.75; font-variant-numeric: tabular-nums; }
tr.bead.low > th { box-shadow: inset 3px 0 0 var(--low); }
html[dir=rtl] tr.bead.low > th { box-shadow: inset -3px 0 0 var(--low); }
tr.bead.low > th .score { color: var(--low); opacity: 1; font-weight: 600; }
tr.bead.low > th .lowtag { display: block; font-size: 0.7rem; color: var(--low); }
tr.bead > th .unit { display: block; font-size: 0.75rem; overflow-wrap: anywhere; }
tr.bead.hasf { background: #fffdf7; }
tr.bead:target > * { background: #fff8c5; }
/* A link to a bead, a finding or a note lands below the sticky toolbar and
   the sticky table header, not under them; the script measures both. */
tr.bead, .fm.anchor, li.note { scroll-margin-top: calc(var(--toolbar-height, 2.7rem) + var(--thead-height, 2.6rem) + 0.5rem); }
td.v p.s { margin: 0 0 0.35rem; }
td.v p.s:last-child { margin-bottom: 0; }
td.v .si { font: 0.7rem var(--ui-font); color: var(--muted); margin-inline-end: 0.35rem; vertical-align: 0.15em;
           font-variant-numeric: tabular-nums; user-select: none; }
td.v.empty { color: var(--muted); font-style: italic; font-size: 0.85rem; background: repeating-linear-gradient(
             135deg, transparent 0 6px, #f3f4f6 6px 7px); }
/* Fonts of the documents' text (cells, quoted renderings); the interface keeps --ui-font. */
td.v:lang(en), .exp bdi:lang(en) { font-family: Charter, "Bitstream Charter", "Noto Serif", Georgia, "Times New Roman", serif; }
td.v:lang(zh), .exp bdi:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
td.v:lang(ur), .exp bdi:lang(ur) { font-family: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Noto Naskh Arabic", serif; }
td.v.empty > span, td.v .fm.badge { font-family: var(--ui-font); }
/* Interface words inside a document's cell (a badge, "no sentence") are
   isolated from the text's direction, as the sentence numbers are (<bdi>). */
td.v.empty > span, td.v .fm.badge, td.v .si { unicode-bidi: isolate; }
td.v:lang(ur) { line-height: 2.35; font-size: 1.02rem; }
td.v:lang(zh) { line-height: 1.75; }
td.v:lang(en) { line-height: 1.55; font-size: 1.02rem; }
.t { border-bottom: 2px solid var(--term); background: var(--term-bg); border-radius: 2px; }
.t.st-admitted { border-bottom-style: dotted; }
.t.st-deprecated, .t.st-superseded { border-bottom: 0; background: var(--dep-bg);
                                     text-decoration: underline wavy var(--dep) 1.5px; text-underline-offset: 0.25em;
                                     text-decoration-skip-ink: none; }
.fm, .fx { border-radius: 3px; }
.fm.sev-error { background: var(--err-bg); box-shadow: 0 0 0 1.5px var(--err); }
.fm.sev-warning { background: var(--warn-bg); box-shadow: 0 0 0 1.5px var(--warn); }
.fm.sev-info { background: var(--info-bg); box-shadow: 0 0 0 1.5px var(--info); }
.fx { box-shadow: 0 0 0 1px var(--muted) inset; background-image: none; outline: 1px dashed var(--muted); outline-offset: 1px; }
.fm.anchor { cursor: help; }
.fm.badge { display: inline-block; font: 600 0.75rem/1.4 var(--ui-font); padding: 0 0.4em; margin-inline-start: 0.3em;
            vertical-align: 0.1em; font-style: normal; }
.fm.badge.sev-error { color: var(--err); } .fm.badge.sev-warning { color: var(--warn); } .fm.badge.sev-info { color: var(--info); }
.fm:focus { outline: 3px solid #0969da; outline-offset: 2px; }
.off { background: none !important; box-shadow: none !important; outline: none !important; cursor: auto !important; }
.fm.badge.off { display: none; }
tr.notes > td { padding: 0 0.75rem 0.55rem; border-top: 0; }
tr.notes ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2rem; }
li.note { font-size: 0.86rem; padding: 0.25rem 0.6rem; border-inline-start: 3px solid var(--rule); background: var(--band);
          border-radius: 0 4px 4px 0; }
html[dir=rtl] li.note { border-radius: 4px 0 0 4px; }
li.note.sev-error { border-inline-start-color: var(--err); }
li.note.sev-warning { border-inline-start-color: var(--warn); }
li.note.sev-info { border-inline-start-color: var(--info); }
li.note.off { display: none; }
li.note .sev { font-weight: 600; }
li.note.sev-error .sev { color: var(--err); } li.note.sev-warning .sev { color: var(--warn); } li.note.sev-info .sev { color: var(--info); }
li.note .type { font-weight: 600; }
li.note .meta { color: var(--muted); }
li.note code { font-size: 0.85em; }
li.note .exp { display: inline-block; margin-inline-start: 0.5em; }
li.note .exp bdi.pref { font-weight: 700; }
li.note bdi.concept[title] { text-decoration: underline dotted var(--muted); cursor: help; }
li.note bdi:lang(ur), #tip bdi:lang(ur) { font-family: "Noto Naskh Arabic", "Noto Nastaliq Urdu", serif; }
li.note button.fp { font: inherit; font-size: 0.8em; color: var(--muted); background: none; border: 1px solid var(--rule);
                   border-radius: 4px; padding: 0 0.3em; margin-inline-start: 0.4em; cursor: copy; }
li.note button.fp[data-copied] { color: var(--ink); border-color: var(--ink); }
#tip button.fp { display: none; }
li.note a.goto { color: var(--muted); text-decoration: none; margin-inline-start: 0.4em; }
.hidden-row { display: none; }
/* "Only beads with findings" is one class on the table, not one per row: a
   report of 20,000 beads switches in one style change. A row whose findings
   are all filtered out carries "nof". */
table.beads.only tr.bead:not(.hasf), table.beads.only tr.bead.nof, tr.notes.nof { display: none; }
#tip { position: absolute; z-index: 10; max-width: 30rem; padding: 0.5rem 0.7rem; border-radius: 6px; font-size: 0.85rem;
       background: #24292f; color: #fff; box-shadow: 0 6px 18px rgba(0,0,0,0.25); pointer-events: none; }
#tip[hidden] { display: none; }
#tip .sev, #tip .meta, #tip a.goto { color: #d0d7de; }
#tip a.goto { display: none; }
.sample { padding: 0 0.25em; }
details.provenance { margin-top: 0.5rem; }
details.provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.8rem; margin: 0.4rem 0; }
details.provenance dt { font-weight: 600; } details.provenance dd { margin: 0; overflow-wrap: anywhere; }
details.provenance pre { margin: 0; max-height: 16rem; overflow: auto; font-size: 0.75rem; }
footer { padding: 1rem 1.5rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--rule); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* A phone: the versions of a bead stack, each cell full width under its
   language's name (the header row is hidden), and nothing is wider than the
   window, so the page never scrolls sideways. */
@media (max-width: 600px) {
  header.top { padding: 0.9rem 0.75rem 0.5rem; }
  /* The toolbar takes several lines here: it scrolls away instead of
     covering a third of the screen. */
  .toolbar { position: static; padding: 0.4rem 0.75rem; gap: 0.3rem 0.8rem; }
  .toolbar .nav { margin-inline-start: 0; }
  .toolbar label { white-space: normal; }
  main { padding: 0 0.5rem 2rem; }
  .summary li { min-width: 0; }
  .inputs code, td.v, li.note { overflow-wrap: anywhere; }
  table.beads, table.beads tbody, table.beads tr, table.beads td, table.beads th { display: block; width: auto; }
  table.beads thead, table.beads colgroup { display: none; }
  table.beads tr.hidden-row, table.beads.only tr.bead:not(.hasf), table.beads.only tr.bead.nof, table.beads tr.notes.nof { display: none; }
  tr.bead > th { text-align: start; border-top: 2px solid var(--ink); padding: 0.4rem 0.5rem 0.2rem; }
  tr.bead > th .score, tr.bead.low > th .lowtag, tr.bead > th .unit { display: inline; margin-inline-start: 0.6em; }
  tr.bead > td { border-top: 1px dotted var(--rule); padding: 0.35rem 0.5rem; }
  td.v::before { content: attr(data-label); display: block; font: 600 0.75rem/1.6 var(--ui-font); color: var(--muted);
                 font-style: normal; }
  tr.notes > td:first-child { display: none; }
  tr.notes > td { padding: 0 0.25rem 0.5rem; }
  details.provenance dl { grid-template-columns: minmax(0, max-content) minmax(0, 1fr); }
  #tip { max-width: calc(100vw - 16px); }
}
@media print { .toolbar { display: none; } table.beads thead th { position: static; } #tip { display: none; } }
)CSS";

// Filters (types, severities, languages at fault) switch the class "off" on every element of
// a finding; navigation walks the anchors that are on, in document order.
// The filters and the finding last visited live in the URL's fragment
// (#f-3&hide=type:omission,severity:info&only=1), rewritten in place by
// history.replaceState (no history entry, and it works on file:// URLs), so a
// reload or a link opens the same view.
constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var doc = document;
  var tip = doc.getElementById('tip');
  var pos = doc.getElementById('pos');
  var onlyFindings = doc.getElementById('only-findings');
  var current = -1;

  function checked(kind) {
    var on = {};
    doc.querySelectorAll('input[data-filter="' + kind + '"]').forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  // The page is static: its anchors, their rows and the rows with findings
  // are looked up once, not on every key press or filter change (a report of
  // 5,000 findings stays quick).
  var table = doc.querySelector('table.beads');
  var allAnchors = Array.prototype.slice.call(doc.querySelectorAll('.fm.anchor'));
  var anchorRows = allAnchors.map(function (a) { return a.closest('tr'); });
  var findingEls = Array.prototype.slice.call(doc.querySelectorAll('[data-f]'));
  var findingRows = Array.prototype.slice.call(doc.querySelectorAll('tr.bead.hasf')).map(function (row) {
    return { row: row, notes: doc.getElementById('notes-' + row.dataset.bead) };
  });
  function anchors() {
    var only = onlyFindings.checked;
    return allAnchors.filter(function (a, k) {
      return !a.classList.contains('off') && !(only && anchorRows[k].classList.contains('nof'));
    });
  }
  function updatePosition() {
    var list = anchors();
    var at = list.indexOf(doc.activeElement);
    pos.value = (at >= 0 ? (at + 1) : '\u2013') + ' / ' + list.length;
  }
  function apply() {
    applyFilters();
    writeUrl();
  }
  function applyFilters() {
    var types = checked('type'), sevs = checked('severity'), langs = checked('lang');
    var visible = {};  // bead → whether a note of it is on
    findingEls.forEach(function (el) {
      var off = !types[el.dataset.type] || !sevs[el.dataset.sev] || langs[el.dataset.lang] === false;
      el.classList.toggle('off', off);
      if (el.classList.contains('anchor')) el.tabIndex = off ? -1 : 0;
      else if (!off && el.tagName === 'LI') visible[el.closest('tr').dataset.bead] = true;
    });
    table.classList.toggle('only', onlyFindings.checked);
    findingRows.forEach(function (r) {
      var none = !visible[r.row.dataset.bead];
      r.row.classList.toggle('nof', none);
      if (r.notes) r.notes.classList.toggle('nof', none);
    });
    // A card is pressed when its box is the only one on in its fieldset.
    doc.querySelectorAll('button.card').forEach(function (card) {
      var on = doc.querySelectorAll('input[data-filter="' + card.dataset.card + '"]:checked');
      card.setAttribute('aria-pressed', String(on.length === 1 && on[0].value === card.dataset.value));
    });
    hideTip();
    updatePosition();
  }
  function showTip(el) {
    var note = doc.getElementById(el.getAttribute('aria-describedby') || ('note-' + el.dataset.f));
    if (!note) return;
    tip.innerHTML = '';
    Array.prototype.forEach.call(note.childNodes, function (n) { tip.appendChild(n.cloneNode(true)); });
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + doc.documentElement.clientWidth - width - 8);
    tip.style.left = left + 'px';
    tip.style.top = (r.bottom + window.scrollY + 6) + 'px';
  }
  function hideTip() { tip.hidden = true; }

  function hash() {
    var out = { id: '', hide: [], only: false };
    location.hash.replace(/^#/, '').split('&').forEach(function (part, k) {
      var eq = part.indexOf('=');
      if (eq < 0) { if (k === 0) out.id = decodeURIComponent(part); return; }
      var key = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
      if (key === 'hide') out.hide = value ? value.split(',') : [];
      else if (key === 'only') out.only = value === '1';
    });
    return out;
  }
  function writeUrl(id) {
    if (id === undefined) id = hash().id;
    var hide = [];
    doc.querySelectorAll('input[data-filter]').forEach(function (box) {
      if (!box.checked) hide.push(box.dataset.filter + ':' + box.value);
    });
    var parts = id ? [id] : [];
    if (hide.length) parts.push('hide=' + hide.join(','));
    if (onlyFindings.checked) parts.push('only=1');
    var url = location.href.split('#')[0] + (parts.length ? '#' + parts.join('&') : '');
    if (url === location.href) return;
    try { history.replaceState(history.state, '', url); } catch (err) { /* a sandboxed frame */ }
  }
  // The URL decides every filter, also against the form state a browser
  // restores on reload. Returns the id in the fragment.
  function readUrl() {
    var h = hash(), hidden = {};
    h.hide.forEach(function (key) { hidden[key] = true; });
    doc.querySelectorAll('input[data-filter]').forEach(function (box) {
      box.checked = !hidden[box.dataset.filter + ':' + box.value];
    });
    onlyFindings.checked = h.only;
    return h.id;
  }
  function reveal(id) {
    var el = id && doc.getElementById(id);
    if (!el) return;
    if (el.classList.contains('anchor') && !el.classList.contains('off')) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'center' });
    } else {
      el.scrollIntoView({ block: 'start' });
    }
  }
  function go(step) {
    var list = anchors();
    if (list.length === 0) return;
    var at = list.indexOf(doc.activeElement);
    // Focus on a button or elsewhere: go on from the finding last visited.
    if (at < 0) at = current >= 0 && current < list.length ? current : (step > 0 ? -1 : list.length);
    at = (at + step + list.length) % list.length;
    current = at;
    writeUrl(list[at].id);
    list[at].focus({ preventScroll: true });
    list[at].scrollIntoView({ block: 'center' });
    showTip(list[at]);
    updatePosition();
  }

  doc.querySelectorAll('input[data-filter], #only-findings').forEach(function (box) {
    box.addEventListener('change', apply);
  });
  // Copies a finding's fingerprint for a baseline file; the clipboard API
  // needs a secure context, so a hidden selection stands in elsewhere.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(function () {});
    var area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed'; area.style.opacity = '0';
    doc.body.appendChild(area);
    area.select();
    try { doc.execCommand('copy'); } catch (err) { }
    doc.body.removeChild(area);
  }
  doc.querySelectorAll('button.card').forEach(function (card) {
    card.addEventListener('click', function () {
      var solo = card.getAttribute('aria-pressed') === 'true';
      doc.querySelectorAll('input[data-filter="' + card.dataset.card + '"]').forEach(function (box) {
        box.checked = solo || box.value === card.dataset.value;
      });
      apply();
    });
  });
  doc.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button.fp');
    if (!button) return;
    copy(button.getAttribute('data-fp'));
    button.setAttribute('data-copied', '');
    setTimeout(function () { button.removeAttribute('data-copied'); }, 1500);
  });
  doc.getElementById('next').addEventListener('click', function () { go(1); });
  doc.getElementById('prev').addEventListener('click', function () { go(-1); });
  doc.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable) && t.type !== 'checkbox') return;
    if (e.key === 'j' || e.key === 'n') { go(1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'p') { go(-1); e.preventDefault(); }
    else if (e.key === 'Escape') { hideTip(); }
  });
  doc.addEventListener('focusin', function (e) {
    var el = e.target;
    if (el.classList && el.classList.contains('anchor')) {
      current = anchors().indexOf(el);
      writeUrl(el.id);
      showTip(el);
      updatePosition();
    } else {
      hideTip();
    }
  });
  doc.addEventListener('mouseover', function (e) {
    var el = e.target.closest && e.target.closest('[data-f]');
    if (el && !el.classList.contains('off') && !el.closest('li.note')) showTip(el);
  });
  doc.addEventListener('mouseout', function (e) {
    var el = e.target.closest && e.target.closest('[data-f]');
    if (el && el !== doc.activeElement) hideTip();
  });
  window.addEventListener('resize', function () {
    var el = doc.activeElement;
    if (!tip.hidden && el && el.classList.contains('anchor')) showTip(el); else hideTip();
  });
  // The sticky parts' heights, for the header's offset and for the scroll
  // margin of link targets; the toolbar wraps to more lines on a narrow window.
  function measure() {
    var bar = doc.querySelector('.toolbar'), head = doc.querySelector('table.beads thead');
    // Only what is sticky covers a target (a phone's layout has neither).
    var sticky = function (el) { return el && getComputedStyle(el).position === 'sticky'; };
    doc.documentElement.style.setProperty('--toolbar-height', (sticky(bar) ? bar.offsetHeight : 0) + 'px');
    doc.documentElement.style.setProperty('--thead-height', (head && sticky(head.querySelector('th')) ? head.offsetHeight : 0) + 'px');
  }
  window.addEventListener('resize', measure);
  measure();
  doc.documentElement.classList.add('js');
  // A link followed inside the page (#bead-3) keeps the filters in the URL;
  // a fragment with filters, typed or pasted, sets them.
  window.addEventListener('hashchange', function () {
    if (/[&#](hide|only)=/.test(location.hash)) { var id = readUrl(); applyFilters(); reveal(id); } else writeUrl();
  });
  var start = readUrl();
  // Marks around the first filtering, for the browser test of a large report.
  performance.mark('talign-apply-start');
  applyFilters();
  performance.measure('talign-apply', 'talign-apply-start');
  // The browser may have scrolled to the fragment before the margins were
  // measured, and cannot find "f-3&hide=…": scroll (and focus) again.
  reveal(start);
})();
)JS";

}  // namespace

std::string_view Style() { return kStyle; }
std::string_view Script() { return kScript; }

}  // namespace align::html_internal
