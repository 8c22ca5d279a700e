/*
 * Sanctions: bans, forced premoderation and trust for an author (by e-mail, e-mail domain or a
 * comment's author, narrowed by name), imposed here or with «ban the author» on a queue card,
 * listed and lifted here.
 */
import { $, el, time, table, busyText, field, markViolations, say } from '../lib/dom.js';
import { t, label } from '../lib/i18n.js';
import { authed, problemText, reportNetwork, failedInto } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { onSignOut } from '../lib/session.js';

const box = $('[data-sanctions]');
const form = $('[data-sanction-form]');
const all = $('[data-sanctions-all]');

function load() {
  busyText(box);
  authed('GET', 'moderation/sanctions' + (all.checked ? '?all=true' : '')).then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    var list = res.json.items || [];
    if (!list.length) {
      box.replaceChildren(el('p', { class: 'empty muted', text: t('sanctions.empty') }));
      return;
    }
    box.replaceChildren(table('data-sanctions-table',
      [t('sanctions.no'), t('sanctions.kind'), t('sanctions.whom'), t('sanctions.until'), t('sanctions.reason'), t('sanctions.by'), ''],
      list.map(row)));
  }).catch(failedInto(box));
}
onShow('sanctions', load);
all.addEventListener('change', load);

function row(x) {
  var who = [];
  if (x.authorName) who.push(el('span', { class: 'author', text: x.authorName }), ' ');
  if (x.authorEmail) who.push(el('span', { class: 'email', text: x.authorEmail }), ' ');
  if (x.emailDomain) who.push(el('span', { class: 'email', text: '@' + x.emailDomain }), ' ');
  if (x.byClient) who.push(el('span', { class: 'muted small', text: t('sanctions.byClient') }));
  var lift = null;
  if (!x.liftedAt) {
    lift = el('button', { type: 'button', class: 'btn btn-quiet', 'data-sanction-lift': true, text: t('sanctions.lift') });
    lift.addEventListener('click', function () { liftSanction(x, lift); });
  }
  return el('tr', { 'data-sanction': x.id, 'data-kind': x.kind, 'data-lifted': x.liftedAt ? 'true' : null },
    el('td', { class: 'item-id', text: x.id }),
    el('td', null, el('span', { class: 'tag tag-' + (x.kind === 'BAN' ? 'reject' : x.kind === 'TRUST' ? 'flag' : 'hold'), text: label('kind', x.kind) })),
    el('td', null, who),
    el('td', null, x.until ? time(x.until) : t('sanctions.forever')),
    el('td', { text: x.reason || '' }),
    el('td', null, x.createdBy || '', x.createdAt ? [', ', time(x.createdAt)] : null),
    el('td', null, x.liftedAt ? el('span', { class: 'muted small' }, t('sanctions.liftedBy', { who: x.liftedBy || '' }), ', ', time(x.liftedAt)) : lift));
}

function impose(payload) {
  return authed('POST', 'moderation/sanctions', payload);
}

form.addEventListener('submit', function (e) {
  e.preventDefault();
  var target = {};
  ['authorEmail', 'emailDomain', 'authorName', 'commentId'].forEach(function (n) {
    var v = field(form, n);
    if (v) target[n] = v;
  });
  var reason = field(form, 'reason');
  if (!target.authorEmail && !target.emailDomain && !target.commentId) {
    say(t('sanctions.needTarget'), 'error');
    form.authorEmail.focus();
    return;
  }
  if (!reason) {
    say(t('sanctions.needReason'), 'error');
    form.reason.setAttribute('aria-invalid', 'true');
    form.reason.focus();
    return;
  }
  var payload = { kind: form.kind.value, target: target, reason: reason };
  var until = form.until.value;
  if (until) {
    var d = new Date(until);
    if (isNaN(d)) {
      say(t('sanctions.badDate'), 'error');
      return;
    }
    payload.until = d.toISOString();
  }
  var button = $('button[type=submit]', form);
  button.disabled = true;
  impose(payload).then(function (res) {
    markViolations(form, res);
    if (res.status === 201 || res.status === 200) {
      form.reset();
      say(t('sanctions.imposed', { id: res.json.id, kind: label('kind', res.json.kind) }), 'success');
      load();
    } else {
      say(t('sanctions.notImposed', { problem: problemText(res) }), 'error');
    }
  }).catch(reportNetwork).then(function () {
    button.disabled = false;
  });
});

function liftSanction(x, button) {
  button.disabled = true;
  authed('DELETE', 'moderation/sanctions/' + encodeURIComponent(x.id)).then(function (res) {
    if (res.status === 200) {
      say(t('sanctions.lifted', { id: x.id }), 'success');
      load();
    } else {
      button.disabled = false;
      say(t('sanctions.notLifted', { problem: problemText(res) }), 'error');
    }
  }).catch(function (e) {
    button.disabled = false;
    reportNetwork(e);
  });
}

/**
 * «Ban the author» on a queue card: a BAN on the comment's author for the days the moderator gives
 * (7 unless changed; 0 for good), the card's reason if given. The service bans the signed-in reader
 * who wrote it when there is one, else the e-mail and client.
 */
export function banAuthor(item, button, reason) {
  var who = (item.authorName || t('ban.author')) + (item.authorEmail ? ' <' + item.authorEmail + '>' : '');
  var answer = window.prompt(t('ban.days', { id: item.id, who: who }), '7');
  if (answer == null) return;
  var days = Number(String(answer).trim());
  if (!/^\d{1,4}$/.test(String(answer).trim()) || days > 3650) {
    say(t('ban.badDays'), 'error');
    return;
  }
  var payload = { kind: 'BAN', target: { commentId: String(item.id) }, reason: reason || t('ban.reason', { id: item.id }) };
  if (days > 0) payload.until = new Date(Date.now() + days * 86400000).toISOString();
  button.disabled = true;
  impose(payload)
    .then(function (res) {
      if (res.status === 201 || res.status === 200) {
        say(t('ban.done', { id: item.id, sanction: res.json.id }), 'success');
        button.textContent = t('ban.banned');
        button.setAttribute('data-banned', 'true');
      } else {
        button.disabled = false;
        say(t('ban.failed', { problem: problemText(res) }), 'error');
      }
    }).catch(function (e) {
      button.disabled = false;
      reportNetwork(e);
    });
}

onSignOut(function () { box.replaceChildren(); });
