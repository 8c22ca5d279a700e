/*
 * The queue: held comments (or approved/rejected ones) as cards, the matched spans highlighted,
 * decided one by one (buttons or keys j/k/a/r/x/h/u/?) or in bulk, at the version the moderator
 * saw. Decisions by other moderators arrive live and take their cards away, or, when this
 * moderator is working on the card, leave it greyed out with an explanation.
 */
import { $, $$, el, time, say } from '../lib/dom.js';
import { t, label } from '../lib/i18n.js';
import { authed, problemText, networkError, unreachable } from '../lib/http.js';
import { session, onSignOut } from '../lib/session.js';
import { liveEvents } from '../lib/events.js';
import { currentScreen, show } from '../lib/nav.js';
import { highlight, matchList, verdictLine } from '../lib/verdict.js';
import { openAudit, auditOpen, latestDecision } from './audit.js';
import { banAuthor } from './sanctions.js';

const PAGE = 30;
const queue = $('[data-queue]');
const more = $('[data-queue-more]');
const empty = $('[data-queue-empty]');
const filters = $('[data-filters]');
const selectAll = $('[data-select-all]');
const liveBadge = $('[data-live]');

const state = {
  status: 'PENDING', articleId: '', cursor: null, loading: false,
  items: new Map(), // id -> {data, el, busy, stale}
  selected: new Set(), current: null, fresh: 0
};

const live = liveEvents('moderation/stream', {
  event: onLive,
  up: showLive,
  down: function () { liveBadge.hidden = true; }
});

function clear() {
  state.items.clear();
  state.selected.clear();
  state.current = null;
  state.cursor = null;
  state.fresh = 0;
  queue.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
  updateSelection();
}

/** (Re)loads the queue as filtered; reset starts from the first page, else the next page. */
export function load(reset) {
  if (state.loading) return Promise.resolve();
  state.loading = true;
  queue.setAttribute('aria-busy', 'true');
  var q = 'moderation/queue?status=' + encodeURIComponent(state.status) + '&limit=' + PAGE;
  if (state.articleId) q += '&articleId=' + encodeURIComponent(state.articleId);
  if (!reset && state.cursor) q += '&cursor=' + encodeURIComponent(state.cursor);
  var keep = new Set(state.selected);
  return authed('GET', q)
    .then(function (res) {
      if (res.status !== 200) {
        say(t('queue.loadFailed', { problem: problemText(res) }), 'error');
        return;
      }
      if (reset) clear();
      (res.json.items || []).forEach(function (item) {
        if (state.items.has(item.id)) return;
        var node = card(item);
        state.items.set(item.id, { data: item, el: node });
        queue.append(node);
        if (reset && keep.has(item.id)) select(item.id, true);
      });
      state.cursor = res.json.nextCursor || null;
      more.hidden = !state.cursor;
      live.connect();
      empty.hidden = state.items.size > 0;
      empty.textContent = state.status === 'PENDING' ? t('queue.emptyPending') : t('queue.emptyOther');
      updateSelection();
      var idle = !document.activeElement || document.activeElement === document.body || document.activeElement.id === 'main';
      if (reset && state.items.size && idle) focusItem(queue.firstElementChild);
    })
    .catch(function (e) {
      if (unreachable(e)) networkError();
    })
    .then(function () {
      state.loading = false;
      queue.removeAttribute('aria-busy');
    });
}

function card(item) {
  var id = item.id;
  var v = item.verdict;
  var body = el('div', { class: 'item-body', 'data-queue-body': true });
  highlight(body, item.body, v && v.matches);
  var reason = el('input', { class: 'reason', name: 'reason', type: 'text', maxlength: 1000, 'aria-label': t('queue.reasonFor', { id: id }), placeholder: t('queue.reason') });
  var approve = el('button', { type: 'button', class: 'btn btn-approve', 'data-approve': true, text: t('queue.approve'), 'aria-keyshortcuts': 'a', hidden: item.status === 'APPROVED' });
  var reject = el('button', { type: 'button', class: 'btn btn-reject', 'data-reject': true, text: t('queue.reject'), 'aria-keyshortcuts': 'r', hidden: item.status === 'REJECTED' });
  var history = el('button', { type: 'button', class: 'btn btn-quiet', 'data-audit': true, text: t('queue.history'), 'aria-keyshortcuts': 'h' });
  var ban = el('button', { type: 'button', class: 'btn btn-quiet', 'data-ban-author': true, text: t('queue.ban') });
  var pick = el('button', { type: 'button', class: 'btn btn-quiet', 'data-feature': true, 'aria-pressed': String(!!item.featured),
    text: t(item.featured ? 'queue.unfeature' : 'queue.feature'), hidden: item.status !== 'APPROVED' });
  var only = el('button', { type: 'button', class: 'link', 'data-filter-article': true, text: item.articleId, title: t('queue.onlyArticle') });
  var box = el('input', { type: 'checkbox', 'data-select': true, 'aria-label': t('queue.selectOne', { id: id }) });
  var node = el('article', { class: 'item', 'data-queue-item': id, 'data-status': item.status, tabindex: -1, 'aria-labelledby': 'item-' + id + '-head' },
    el('div', { class: 'item-head', id: 'item-' + id + '-head' },
      box,
      el('span', { class: 'item-id', text: '#' + id }),
      el('span', { class: 'status status-' + String(item.status).toLowerCase(), text: label('status', item.status) }),
      el('span', { class: 'author', text: item.authorName }),
      item.verified ? el('span', { class: 'verified', 'data-verified': true, title: t('queue.verified'), 'aria-label': t('queue.verified'), text: '\u2713' }) : null,
      item.authorEmail ? el('span', { class: 'email', text: item.authorEmail }) : el('span', { class: 'email muted', text: t('queue.noEmail') }),
      time(item.createdAt)),
    el('div', { class: 'item-meta' }, t('queue.article') + ' ', only,
      item.parentId ? el('span', { class: 'muted', text: ' · ' + t('queue.replyTo', { id: item.parentId }) }) : null,
      ' · ', verdictLine(v)),
    body,
    matchList(v && v.matches),
    el('div', { class: 'item-actions' }, reason, approve, reject, history, ban, pick),
    el('p', { class: 'item-note', 'data-item-note': true, role: 'status', hidden: true }));
  approve.addEventListener('click', function () { decide(id, 'approve'); });
  reject.addEventListener('click', function () { decide(id, 'reject'); });
  history.addEventListener('click', function () { openAudit(id, history); });
  ban.addEventListener('click', function () { banAuthor(item, ban, reason.value.trim()); });
  pick.addEventListener('click', function () { feature(id, pick); });
  only.addEventListener('click', function () { filterByArticle(item.articleId); });
  box.addEventListener('change', function () { select(id, box.checked); });
  node.addEventListener('focusin', function () { markCurrent(id); });
  return node;
}

/** Makes an approved comment an editor's pick, or takes that back; the pick moves its version. */
function feature(id, button) {
  var entry = state.items.get(id);
  if (!entry || entry.busy) return;
  var on = button.getAttribute('aria-pressed') !== 'true';
  button.disabled = true;
  authed(on ? 'POST' : 'DELETE', 'moderation/comments/' + encodeURIComponent(id) + '/feature')
    .then(function (res) {
      if (res.status !== 200) {
        say(t('queue.commentProblem', { id: id, problem: problemText(res) }), 'error');
        return;
      }
      entry.data.featured = res.json.featured;
      entry.data.version = res.json.version;
      button.setAttribute('aria-pressed', String(res.json.featured));
      button.textContent = t(res.json.featured ? 'queue.unfeature' : 'queue.feature');
      say(t(res.json.featured ? 'queue.featured' : 'queue.unfeatured', { id: id }), 'success');
    })
    .catch(function (e) {
      if (unreachable(e)) networkError();
    })
    .then(function () {
      button.disabled = false;
    });
}

function markCurrent(id) {
  if (state.current === id) return;
  var old = state.items.get(state.current);
  if (old) old.el.classList.remove('is-current');
  state.current = id;
  var now = state.items.get(id);
  if (now) now.el.classList.add('is-current');
}

function focusItem(node) {
  if (!node) return;
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'nearest' });
  markCurrent(node.getAttribute('data-queue-item'));
}

function cards() {
  return $$('[data-queue-item]', queue);
}

function focusedCard() {
  var a = document.activeElement;
  return a && a.closest ? a.closest('[data-queue-item]') : null;
}

function currentNode() {
  var active = focusedCard();
  if (active) return active;
  var c = state.items.get(state.current);
  return c ? c.el : queue.firstElementChild;
}

function remove(id) {
  var entry = state.items.get(id);
  if (!entry) return;
  var at = cards().indexOf(entry.el);
  var hadFocus = entry.el.contains(document.activeElement) || state.current === id;
  entry.el.remove();
  state.items.delete(id);
  state.selected.delete(id);
  if (state.current === id) state.current = null;
  updateSelection();
  empty.hidden = state.items.size > 0;
  if (hadFocus) {
    var rest = cards();
    focusItem(rest[Math.min(at, rest.length - 1)] || null);
    if (!rest.length) $('#main').focus();
  }
  if (!state.items.size && state.cursor) load(false);
}

// ---------- decisions
/** Resolves to done | stale | gone | forbidden | invalid | error | unauthorized | skipped. */
function decide(id, action, quiet) {
  var entry = state.items.get(id);
  if (!entry || entry.busy || entry.stale) return Promise.resolve('skipped');
  entry.busy = true;
  entry.el.setAttribute('aria-busy', 'true');
  var reason = $('[name=reason]', entry.el).value.trim();
  var body = { version: entry.data.version };
  if (reason) body.reason = reason;
  return authed('POST', 'moderation/comments/' + encodeURIComponent(id) + '/' + action, body)
    .then(function (res) {
      if (res.status === 200) {
        if (!quiet) say(t(action === 'approve' ? 'queue.approved' : 'queue.rejected', { id: id }), 'success');
        if (res.json.status !== state.status) remove(id);
        else replace(id, res.json);
        return 'done';
      }
      if (res.status === 409 || res.status === 404) {
        stale(entry, res);
        return res.status === 409 ? 'stale' : 'gone';
      }
      if (!quiet) say(t('queue.commentProblem', { id: id, problem: problemText(res) }), 'error');
      return res.status === 403 ? 'forbidden' : res.status === 400 ? 'invalid' : 'error';
    })
    .catch(function (e) {
      if (!unreachable(e)) return 'unauthorized';
      if (!quiet) networkError();
      return 'error';
    })
    .then(function (outcome) {
      entry.busy = false;
      entry.el.removeAttribute('aria-busy');
      return outcome;
    });
}

function replace(id, data) {
  var entry = state.items.get(id);
  var node = card(data);
  entry.el.replaceWith(node);
  entry.el = node;
  entry.data = data;
  if (state.selected.has(id)) $('[data-select]', node).checked = true;
  focusItem(node);
}

/**
 * Someone decided first (409) or the comment is gone (404). The card stays, greyed out and with
 * an explanation and the latest audit entry, until the moderator dismisses it or refreshes:
 * their decision was not applied and they should see why rather than have the card vanish.
 */
function stale(entry, res, seenLive) {
  var id = entry.data.id;
  entry.stale = true;
  state.selected.delete(id);
  updateSelection();
  entry.el.classList.add('is-stale');
  entry.el.setAttribute('data-stale', res.status === 409 ? 'conflict' : 'gone');
  $$('[data-approve],[data-reject],[data-select],[name=reason]', entry.el).forEach(function (b) {
    b.disabled = true;
  });
  var note = $('[data-item-note]', entry.el);
  var dismiss = el('button', { type: 'button', class: 'btn btn-quiet', 'data-dismiss': true, text: t('queue.dismiss') });
  dismiss.addEventListener('click', function () { remove(id); });
  var what = seenLive ? t('queue.staleLive') : res.status === 409 ? t('queue.staleConflict') : t('queue.staleGone');
  var latest = el('span', { 'data-latest': true });
  note.replaceChildren(el('strong', { text: what }), ' ', latest, ' ', dismiss);
  note.hidden = false;
  // also when the news came live: the moderator was about to decide this one and should hear why it stopped
  say(t('queue.staleNotice', { id: id, what: what }), 'warn');
  if (res.status === 409) {
    latestDecision(id).then(function (last) {
      if (!last) return;
      latest.replaceChildren(
        t('queue.now', { status: label('status', last.toStatus), actor: last.actor }) + ' ', time(last.at),
        last.reason ? ' («' + last.reason + '»)' : '', '.');
    }).catch(function () { /* the explanation above stands on its own */ });
  }
  if (!seenLive || entry.el.contains(document.activeElement)) dismiss.focus();
}

// ---------- selection and bulk decisions
function select(id, on) {
  var entry = state.items.get(id);
  if (!entry || entry.stale) return;
  if (on) state.selected.add(id);
  else state.selected.delete(id);
  $('[data-select]', entry.el).checked = on;
  entry.el.classList.toggle('is-selected', on);
  updateSelection();
}

function updateSelection() {
  var n = state.selected.size;
  var open = Array.from(state.items.values()).filter(function (e) { return !e.stale; }).length;
  $('[data-selected-count]').textContent = n ? t('queue.selected', { n: n }) : t('queue.noneSelected');
  $$('[data-bulk]').forEach(function (b) { b.disabled = n === 0; });
  selectAll.checked = n > 0 && n === open;
  selectAll.indeterminate = n > 0 && n < open;
}
selectAll.addEventListener('change', function () {
  var on = selectAll.checked;
  state.items.forEach(function (entry, id) { select(id, on); });
});

// One request per comment; each outcome is counted and told in one notice at the end.
function bulk(action) {
  var ids = Array.from(state.selected);
  if (!ids.length) return;
  var counts = {};
  $$('[data-bulk]').forEach(function (b) { b.disabled = true; });
  say(t(action === 'approve' ? 'bulk.approving' : 'bulk.rejecting', { n: ids.length }), 'info');
  return ids.reduce(function (p, id) {
    return p.then(function () {
      return decide(id, action, true).then(function (outcome) {
        counts[outcome] = (counts[outcome] || 0) + 1;
      });
    });
  }, Promise.resolve()).then(function () {
    var parts = [t(action === 'approve' ? 'bulk.approved' : 'bulk.rejected', { n: counts.done || 0 })];
    if (counts.stale) parts.push(t('bulk.stale', { n: counts.stale }));
    if (counts.gone) parts.push(t('bulk.gone', { n: counts.gone }));
    if (counts.forbidden) parts.push(t('bulk.forbidden', { n: counts.forbidden }));
    if (counts.error || counts.invalid) parts.push(t('bulk.errors', { n: (counts.error || 0) + (counts.invalid || 0) }));
    say(parts.join('; ') + '.', parts.length > 1 ? 'warn' : 'success');
    updateSelection();
  });
}
$$('[data-bulk]').forEach(function (b) {
  b.addEventListener('click', function () { bulk(b.getAttribute('data-bulk')); });
});

// ---------- filters
function applyFilters() {
  var article = filters.articleId.value.trim();
  if (article && !/^[A-Za-z0-9._:-]{1,128}$/.test(article)) {
    say(t('queue.articleIdInvalid'), 'error');
    filters.articleId.setAttribute('aria-invalid', 'true');
    filters.articleId.focus();
    return;
  }
  filters.articleId.removeAttribute('aria-invalid');
  state.status = filters.status.value;
  state.articleId = article;
  load(true);
}

/** Shows the queue of one article (from a card's article link or the articles screen). */
export function filterByArticle(articleId) {
  filters.articleId.value = articleId;
  if (currentScreen() !== 'queue') show('queue');
  applyFilters();
}

filters.addEventListener('submit', function (e) {
  e.preventDefault();
  applyFilters();
});
$('[data-refresh]').addEventListener('click', function () { load(true); });
more.addEventListener('click', function () { load(false); });

const keys = $('#keys');
const keysToggle = $('[data-keys-toggle]');
function toggleKeys() {
  keys.hidden = !keys.hidden;
  keysToggle.setAttribute('aria-expanded', String(!keys.hidden));
}
keysToggle.addEventListener('click', toggleKeys);

// ---------- keyboard
document.addEventListener('keydown', function (e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !session.user || currentScreen() !== 'queue') return;
  if (auditOpen()) return;
  var target = e.target;
  if (target.closest && target.closest('textarea, select, [contenteditable], input:not([type=checkbox])')) return;
  var node = currentNode();
  var id = node && node.getAttribute('data-queue-item');
  var list = cards();
  switch (e.key) {
    case 'j':
    case 'k':
      if (!list.length) return;
      // the first press lands on the current item itself when no item has focus yet
      var focused = focusedCard();
      var at = list.indexOf(focused) + (e.key === 'j' ? 1 : -1);
      focusItem(focused ? list[Math.max(0, Math.min(list.length - 1, at))] : node);
      break;
    case 'a':
      if (id) decide(id, 'approve');
      break;
    case 'r':
      if (id) decide(id, 'reject');
      break;
    case 'x':
      if (id) select(id, !state.selected.has(id));
      break;
    case 'h':
      if (id) openAudit(id, node);
      break;
    case 'u':
      load(true);
      break;
    case '/':
      filters.articleId.focus();
      break;
    case '?':
      toggleKeys();
      break;
    default:
      return;
  }
  e.preventDefault();
});

// ---------- live updates
function showLive() {
  liveBadge.hidden = false;
  liveBadge.textContent = t('live.on') + (state.fresh ? ' · ' + t('live.fresh', { n: state.fresh }) : '');
}

function onLive(name, p) {
  if (name === 'reset') {
    // events were missed (a long disconnection, or the server's listener reconnected): reload
    load(true);
    return;
  }
  var item = name === 'held' ? p : name === 'reported' ? p.item : null;
  if (item && item.id) {
    var fits = state.status === item.status && (!state.articleId || state.articleId === item.articleId);
    // with more pages still on the server the item arrives with them, in its place
    if (!fits || state.items.has(item.id) || state.cursor) return;
    var node = card(item);
    state.items.set(item.id, { data: item, el: node });
    queue.append(node);
    empty.hidden = true;
    state.fresh++;
    showLive();
    updateSelection();
    return;
  }
  if (name === 'decided') {
    var entry = state.items.get(p.id);
    if (!entry || entry.busy || entry.stale || p.version <= entry.data.version) return;
    // A card the moderator is working on stays, explained; any other one leaves with a note.
    if (entry.el.contains(document.activeElement) || state.selected.has(p.id)) {
      stale(entry, { status: 409, json: {} }, true);
      return;
    }
    remove(p.id);
    say(t('live.decided', { id: p.id }) + (p.actor ? ' (' + p.actor + ')' : '') +
      (p.to ? ' — ' + label('status', p.to) : '') + '.', 'info');
  }
}

onSignOut(function () {
  live.disconnect();
  clear();
});
