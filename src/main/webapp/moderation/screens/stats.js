/* Statistics: queue depth and age, time to decision, and per rule how often moderators agreed. */
import { $, el, time, table, busyText, duration } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { authed, problemText, failedInto } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { onSignOut } from '../lib/session.js';
import { loadLearned, learnedOutcomes } from './learned.js';

const box = $('[data-stats]');
const form = $('[data-stats-form]');

function figure(title, content, attrs) {
  return el('div', null, el('dt', { text: title }), el('dd', attrs || null, content));
}

/** "since <time>" in the word order of the language. */
function since(node) {
  var parts = t('stats.since').split('{time}');
  return [parts[0], node, parts[1] || ''];
}

function load() {
  var days = parseInt(form.days.value, 10) || 30;
  busyText(box);
  authed('GET', 'moderation/stats?days=' + encodeURIComponent(days)).then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    var r = res.json;
    var rules = r.rules || [];
    box.replaceChildren(
      el('dl', { class: 'summary', 'data-stats-summary': true },
        figure(t('stats.queueDepth'), String(r.queueDepth || 0), { 'data-queue-depth': true }),
        figure(t('stats.oldest'),
          r.oldestPendingAt ? [duration(r.oldestPendingAgeSeconds), ' (', since(time(r.oldestPendingAt)), ')'] : '—'),
        figure(t('stats.decided', { days: r.days }), String(r.decided || 0)),
        figure(t('stats.median'), duration(r.medianSecondsToDecision))),
      rules.length
        ? table('data-stats-rules',
          [t('stats.rule'), t('stats.ruleSet'), t('stats.held'), t('stats.refused'), t('stats.decidedCol'), t('stats.overturned'), t('stats.precision')],
          rules.map(function (x) {
            return el('tr', { 'data-stats-rule': x.rule },
              el('td', null, el('code', { text: x.rule })),
              el('td', { text: x.ruleSetVersion || '—' }),
              el('td', { class: 'num', text: String(x.held) }),
              el('td', { class: 'num', text: String(x.refused) }),
              el('td', { class: 'num', text: String(x.decided) }),
              el('td', { class: 'num', text: String(x.overturned) }),
              el('td', { class: 'num', text: x.precision == null ? '—' : Math.round(x.precision * 1000) / 10 + ' %' }));
          }))
        : el('p', { class: 'muted', text: t('stats.nothingHeld') }),
      learnedOutcomes(r.learned));
  }).catch(failedInto(box));
  loadLearned();
}
onShow('stats', load);
form.addEventListener('submit', function (e) {
  e.preventDefault();
  load();
});

onSignOut(function () { box.replaceChildren(); });
