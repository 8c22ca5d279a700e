/* The audit: who decided what about a comment, and when (a dialog over any screen; key h). */
import { $, el, time } from '../lib/dom.js';
import { t, label } from '../lib/i18n.js';
import { authed, problemText } from '../lib/http.js';

const dialog = $('[data-audit-dialog]');
let opener = null;

export function auditOpen() {
  return dialog.open;
}

/** The decision history of comment id; focus returns to from when the dialog closes. */
export function openAudit(id, from) {
  opener = from;
  $('[data-audit-title]').textContent = t('audit.titleFor', { id: id });
  var body = $('[data-audit-body]');
  body.replaceChildren(el('p', { class: 'muted', text: t('common.loading') }));
  dialog.showModal();
  authed('GET', 'moderation/audit?commentId=' + encodeURIComponent(id))
    .then(function (res) {
      if (res.status !== 200) {
        body.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      var rows = res.json.items || [];
      if (!rows.length) {
        body.replaceChildren(el('p', { class: 'muted', text: t('audit.empty') }));
        return;
      }
      var heads = [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.status'), t('audit.reason')];
      body.replaceChildren(el('table', { class: 'audit-table', 'data-audit-table': true },
        el('thead', null, el('tr', null, heads.map(function (h) { return el('th', { scope: 'col', text: h }); }))),
        el('tbody', null, rows.map(function (r) {
          return el('tr', null,
            el('td', null, time(r.at)),
            el('td', { text: r.actor }),
            el('td', { text: label('audit', r.action) }),
            el('td', { text: (r.fromStatus ? label('status', r.fromStatus) + ' → ' : '') + label('status', r.toStatus) }),
            el('td', { text: r.reason ? label('category', r.reason) : '' }));
        }))));
    })
    .catch(function (e) {
      if (e && e.status === 401) dialog.close();
      else body.replaceChildren(el('p', { class: 'error', text: t('common.networkShort') }));
    });
}

/** The latest decision on a comment (not the engine's), or null. */
export function latestDecision(id) {
  return authed('GET', 'moderation/audit?commentId=' + encodeURIComponent(id)).then(function (a) {
    return (a.json.items || []).filter(function (x) { return x.action !== 'SUBMITTED'; }).pop() || null;
  });
}

$('[data-audit-close]').addEventListener('click', function () { dialog.close(); });
dialog.addEventListener('close', function () {
  if (opener && document.contains(opener)) opener.focus();
});
