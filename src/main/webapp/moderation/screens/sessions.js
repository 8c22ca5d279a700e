/*
 * My sessions (every moderator and admin): where this account is signed in, from which browser,
 * since when and until when; any other session can be ended here (DELETE
 * /api/moderation/sessions/{id}). The current one is ended by signing out.
 */
import { $, el, time, table, busyText, say } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { authed, problemText, reportNetwork, failedInto } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { onSignOut } from '../lib/session.js';

const box = $('[data-sessions]');

function load() {
  busyText(box);
  authed('GET', 'moderation/sessions').then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    var items = res.json.items || [];
    if (!items.length) {
      box.replaceChildren(el('p', { class: 'muted', text: t('sessions.none') }));
      return;
    }
    box.replaceChildren(table('data-sessions-table',
      [t('sessions.started'), t('sessions.lastSeen'), t('sessions.expires'), t('sessions.agent'), ''],
      items.map(row)));
  }).catch(failedInto(box));
}
onShow('sessions', load);

function row(s) {
  var end = s.current
    ? el('span', { class: 'muted', text: t('sessions.current') })
    : el('button', { type: 'button', class: 'btn btn-quiet', 'data-session-end': true, text: t('sessions.end') });
  if (!s.current) {
    end.addEventListener('click', function () {
      end.disabled = true;
      authed('DELETE', 'moderation/sessions/' + encodeURIComponent(s.id)).then(function (res) {
        if (res.status === 204) {
          say(t('sessions.ended'), 'info');
          load();
        } else {
          say(problemText(res), 'error');
          end.disabled = false;
        }
      }).catch(reportNetwork);
    });
  }
  return el('tr', { 'data-session': s.id, 'data-current': String(!!s.current) },
    el('td', null, time(s.createdAt)),
    el('td', null, time(s.lastSeenAt)),
    el('td', null, time(s.expiresAt)),
    el('td', { class: 'small', text: s.userAgent || '—' }),
    el('td', null, end));
}

onSignOut(function () { box.replaceChildren(); });
