/*
 * The rule set: the active YAML in an editor, validated and backtested against stored comments
 * (what would change, and where the change contradicts a moderator), published by an admin.
 */
import { $, el, table, busyText, say } from '../lib/dom.js';
import { t, label } from '../lib/i18n.js';
import { authed, problemText, reportNetwork, failedInto } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { onSignOut } from '../lib/session.js';
import { openAudit } from './audit.js';

const editor = $('[data-rules-editor]');
const version = $('[data-rules-version]');
const violations = $('[data-rules-violations]');
const summary = $('[data-backtest-summary]');
const changes = $('[data-backtest-changes]');
const backtestButton = $('[data-rules-backtest]');
const publishButton = $('[data-rules-publish]');
let loaded = false;

function showVersion(v) {
  version.textContent = t('rules.active', { version: v || '—' });
  version.setAttribute('data-version', v || '');
}

function load(force) {
  if (loaded && !force) return;
  editor.setAttribute('aria-busy', 'true');
  authed('GET', 'moderation/rules').then(function (res) {
    if (res.status !== 200) {
      say(t('rules.loadFailed', { problem: problemText(res) }), 'error');
      return;
    }
    loaded = true;
    editor.value = res.json.source || '';
    clearViolations();
    showVersion(res.json.version);
  }).catch(reportNetwork).then(function () {
    editor.removeAttribute('aria-busy');
  });
}
onShow('rules', function () { load(false); });
$('[data-rules-reload]').addEventListener('click', function () { load(true); });

function showViolations(res) {
  var list = res.json.violations || [];
  if (!list.length) list = [{ message: problemText(res) }];
  editor.setAttribute('aria-invalid', 'true');
  violations.replaceChildren(
    el('p', { class: 'error', text: t('rules.invalid', { n: list.length }) }),
    el('ul', { class: 'violation-list' }, list.map(function (v) {
      var m = /line (\d+)/i.exec(v.message || '');
      var item = el('li', { 'data-violation': true, 'data-line': m ? m[1] : null });
      if (m) {
        var go = el('button', { type: 'button', class: 'link', text: t('rules.line', { n: m[1] }) });
        go.addEventListener('click', function () { gotoLine(Number(m[1])); });
        item.append(go, ': ');
      }
      item.append(v.message || '');
      return item;
    })));
  violations.hidden = false;
}

function gotoLine(n) {
  var lines = editor.value.split('\n');
  var start = 0;
  for (var i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
  var end = start + (lines[n - 1] || '').length;
  editor.focus();
  editor.setSelectionRange(start, end);
  var lineHeight = editor.scrollHeight / Math.max(lines.length, 1);
  editor.scrollTop = Math.max(0, (n - 3) * lineHeight);
}

function clearViolations() {
  editor.removeAttribute('aria-invalid');
  violations.hidden = true;
  violations.replaceChildren();
}

backtestButton.addEventListener('click', function () {
  var text = editor.value;
  if (!text.trim()) {
    editor.focus();
    return;
  }
  backtestButton.disabled = true;
  summary.hidden = true;
  busyText(changes, t('rules.backtesting'));
  authed('POST', 'moderation/rules/backtest', { rules: text }).then(function (res) {
    if (res.status === 400) {
      changes.replaceChildren();
      showViolations(res);
      return;
    }
    if (res.status !== 200) {
      changes.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    clearViolations();
    renderBacktest(res.json);
  }).catch(failedInto(changes)).then(function () {
    backtestButton.disabled = false;
  });
});

function figure(title, value, attrs, cls) {
  return el('div', { class: cls || null }, el('dt', { text: title }), el('dd', Object.assign({ text: String(value) }, attrs)));
}

function renderBacktest(r) {
  var s = r.summary || {};
  var transitions = Object.keys(s.transitions || {}).map(function (k) {
    var parts = k.split('->');
    return el('li', { 'data-transition': k },
      label('decision', parts[0]) + ' → ' + label('decision', parts[1]) + ': ' + s.transitions[k]);
  });
  summary.replaceChildren(
    el('h3', { text: t('backtest.title') }),
    el('dl', { class: 'summary' },
      figure(t('backtest.candidate'), r.candidateVersion || '—'),
      figure(t('backtest.evaluated'), r.evaluated || 0, { 'data-evaluated': true }),
      figure(t('backtest.changed'), s.changed || 0, { 'data-changed-count': true }),
      figure(t('backtest.moderatorDecided'), s.moderatorDecided || 0),
      figure(t('backtest.agrees'), s.agreesWithModerator || 0),
      figure(t('backtest.contradicts'), s.contradictsModerator || 0, { 'data-contradicts-count': true }, s.contradictsModerator ? 'bad' : null),
      r.learned && r.learned.model
        ? figure(t('backtest.learned', { model: r.learned.model }),
          t('backtest.learnedHeld', {
            held: r.learned.held, decided: r.learned.heldDecided, rejected: r.learned.heldRejected,
            precision: r.learned.precision == null ? '—' : Math.round(r.learned.precision * 1000) / 10 + ' %'
          }), { 'data-backtest-learned': r.learned.model })
        : null),
    el('ul', { class: 'transitions', hidden: !transitions.length }, transitions));
  summary.hidden = false;
  var changed = r.changed || [];
  if (!changed.length) {
    changes.replaceChildren(el('p', { class: 'muted', text: t('backtest.nothing') }));
    return;
  }
  changes.replaceChildren(table('data-backtest-table',
    [t('backtest.comment'), t('backtest.beforeAfter'), t('backtest.moderator'), t('backtest.rules'), ''],
    changed.map(function (c) {
      var open = el('button', { type: 'button', class: 'link', text: '#' + c.id, title: t('audit.title') });
      open.addEventListener('click', function () { openAudit(c.id, open); });
      return el('tr', { 'data-backtest-row': c.id, class: c.contradictsModerator ? 'row-bad' : null },
        el('td', null, open),
        el('td', null,
          el('span', { class: 'decision decision-' + String(c.before).toLowerCase(), text: label('decision', c.before) }), ' → ',
          el('span', { class: 'decision decision-' + String(c.after).toLowerCase(), text: label('decision', c.after) })),
        el('td', { text: c.moderatorStatus ? label('status', c.moderatorStatus) : '—' }),
        el('td', { class: 'small', text: (c.rules || []).join(', ') }),
        el('td', null, c.contradictsModerator ? el('strong', { class: 'error', 'data-contradicts': true, text: t('backtest.contradictsOne') }) : null));
    })));
}

publishButton.addEventListener('click', function () {
  var text = editor.value;
  if (!text.trim()) return;
  if (!window.confirm(t('rules.publishConfirm'))) return;
  publishButton.disabled = true;
  authed('PUT', 'moderation/rules', { rules: text }).then(function (res) {
    if (res.status === 200) {
      clearViolations();
      editor.value = res.json.source || text;
      showVersion(res.json.version);
      say(t('rules.published', { version: res.json.version || '—' }), 'success');
    } else if (res.status === 400) {
      showViolations(res);
      say(t('rules.notPublishedInvalid'), 'error');
    } else {
      say(t('rules.notPublished', { problem: problemText(res) }), 'error');
    }
  }).catch(reportNetwork).then(function () {
    publishButton.disabled = false;
  });
});

onSignOut(function () {
  changes.replaceChildren();
  summary.hidden = true;
  clearViolations();
  editor.value = '';
  loaded = false;
});
