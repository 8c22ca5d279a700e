/* Text check: any text judged by the active rules as a trusted author's comment; nothing stored. */
import { $, el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { authed, problemText, failedInto } from '../lib/http.js';
import { onSignOut } from '../lib/session.js';
import { highlight, matchList, verdictLine } from '../lib/verdict.js';

const form = $('[data-check-form]');
const result = $('[data-check-result]');

form.addEventListener('submit', function (e) {
  e.preventDefault();
  var text = form.body.value;
  if (!text.trim()) {
    form.body.focus();
    return;
  }
  var payload = { body: text };
  if (form.articleId.value.trim()) payload.articleId = form.articleId.value.trim();
  result.replaceChildren(el('p', { class: 'muted', text: t('check.checking') }));
  authed('POST', 'moderation/check', payload)
    .then(function (res) {
      if (res.status !== 200) {
        result.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      var v = res.json;
      var shown = el('div', { class: 'item-body', 'data-check-body': true });
      highlight(shown, text, v.matches);
      result.replaceChildren(el('p', { 'data-check-decision': v.decision }, verdictLine(v)), shown, matchList(v.matches));
    })
    .catch(failedInto(result));
});

onSignOut(function () { result.replaceChildren(); });
