/*
 * Articles with comments: counts per status, and each article's settings (comments open,
 * premoderation, report threshold), which admins change here. An article's name opens its queue.
 */
import { $, el, time, table, busyText, say } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { authed, problemText, reportNetwork, failedInto } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { session, onSignOut } from '../lib/session.js';
import { filterByArticle } from './queue.js';

const box = $('[data-articles]');

function load() {
  $('[data-articles-note]').textContent = session.admin ? t('articles.noteAdmin') : t('articles.noteModerator');
  busyText(box);
  authed('GET', 'moderation/articles?limit=200').then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    var list = res.json.items || [];
    if (!list.length) {
      box.replaceChildren(el('p', { class: 'empty muted', text: t('articles.empty') }));
      return;
    }
    box.replaceChildren(table('data-articles-table',
      [t('articles.article'), t('articles.total'), t('articles.pending'), t('articles.approved'), t('articles.rejected'),
        t('articles.last'), t('articles.open'), t('articles.premoderated'), t('articles.threshold'), ''],
      list.map(row)));
  }).catch(failedInto(box));
}
onShow('articles', load);

function row(a) {
  var id = a.articleId;
  var ro = !session.admin;
  var open = el('input', { type: 'checkbox', name: 'commentsOpen', 'aria-label': t('articles.openFor', { id: id }), disabled: ro });
  open.checked = !!a.commentsOpen;
  var pre = el('input', { type: 'checkbox', name: 'premoderated', 'aria-label': t('articles.premoderatedFor', { id: id }), disabled: ro });
  pre.checked = !!a.premoderated;
  var threshold = el('input', { type: 'number', name: 'reportThreshold', min: 1, max: 1000, class: 'narrow', placeholder: t('articles.default'), 'aria-label': t('articles.thresholdFor', { id: id }), disabled: ro });
  threshold.value = a.reportThreshold == null ? '' : String(a.reportThreshold);
  var save = session.admin ? el('button', { type: 'button', class: 'btn btn-quiet', 'data-article-save': true, text: t('common.save') }) : null;
  var filter = el('button', { type: 'button', class: 'link', text: id, title: t('articles.showQueue') });
  filter.addEventListener('click', function () { filterByArticle(id); });
  var tr = el('tr', { 'data-article': id, 'data-comments-open': String(!!a.commentsOpen), 'data-premoderated': String(!!a.premoderated) },
    el('td', null, filter),
    el('td', { class: 'num', text: String(a.total) }),
    el('td', { class: 'num', text: String(a.pending) }),
    el('td', { class: 'num', text: String(a.approved) }),
    el('td', { class: 'num', text: String(a.rejected) }),
    el('td', null, a.lastCommentAt ? time(a.lastCommentAt) : '—'),
    el('td', { class: 'center' }, open),
    el('td', { class: 'center' }, pre),
    el('td', null, threshold),
    el('td', null, save));
  if (save) {
    save.addEventListener('click', function () {
      var text = threshold.value.trim();
      var n = text ? parseInt(text, 10) : null;
      if (text && (!(n >= 1 && n <= 1000) || String(n) !== text)) {
        threshold.setAttribute('aria-invalid', 'true');
        say(t('articles.thresholdInvalid'), 'error');
        threshold.focus();
        return;
      }
      threshold.removeAttribute('aria-invalid');
      save.disabled = true;
      authed('PUT', 'moderation/articles/' + encodeURIComponent(id),
        { commentsOpen: open.checked, premoderated: pre.checked, reportThreshold: n })
        .then(function (res) {
          if (res.status === 200) {
            tr.setAttribute('data-comments-open', String(!!res.json.commentsOpen));
            tr.setAttribute('data-premoderated', String(!!res.json.premoderated));
            tr.setAttribute('data-saved', 'true');
            open.checked = !!res.json.commentsOpen;
            pre.checked = !!res.json.premoderated;
            threshold.value = res.json.reportThreshold == null ? '' : String(res.json.reportThreshold);
            say(t('articles.saved', { id: id }), 'success');
          } else {
            say(t('articles.notSaved', { id: id, problem: problemText(res) }), 'error');
          }
        }).catch(reportNetwork).then(function () {
          save.disabled = false;
        });
    });
  }
  return tr;
}

onSignOut(function () { box.replaceChildren(); });
