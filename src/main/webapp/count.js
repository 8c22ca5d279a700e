/*
 * comment-moderation comment counts for list pages. A site marks where a count goes and adds the
 * script once:
 *   <a href="/news/42#comments"><span data-comments-count="news-42"></span></a>
 *   <script src="https://comments.example/count.js" defer></script>
 * It asks the service it was loaded from, in one request per 100 articles
 * (GET /api/counts?articles=a,b,…), and writes the number of published comments into each element.
 * With data-comments-label on an element it writes "12 комментариев" instead (Russian, or Kyrgyz
 * or English from data-lang or the page's lang). Each element gets
 * data-comments-count-state="ready|error". Pages that add elements later call
 * window.commentModerationCounts.refresh(). No dependencies; text only, never markup.
 */
(function () {
  'use strict';
  var script =
    document.currentScript ||
    [].slice.call(document.querySelectorAll('script[src]')).filter(function (s) {
      return /\/count\.js(\?|#|$)/.test(s.src);
    }).pop();
  if (!script) return;
  var API = new URL('.', script.src).href + 'api/counts?articles=';
  var BATCH = 100;
  var ID = /^[A-Za-z0-9._:-]{1,128}$/;
  var FORMS = {
    ru: ['комментарий', 'комментария', 'комментариев'],
    ky: ['комментарий'],
    en: ['comment', 'comments']
  };

  function language(el) {
    var tag = (el.getAttribute('data-lang') || (el.closest('[lang]') || {}).lang || '').toLowerCase();
    var code = tag.split(/[-_]/)[0];
    return code === 'kir' ? 'ky' : FORMS[code] ? code : 'ru';
  }

  function label(n, lang) {
    var forms = FORMS[lang];
    var i = { one: 0, few: 1, many: 2, other: forms.length > 2 ? 2 : 1 }[new Intl.PluralRules(lang).select(n)];
    return n + ' ' + (forms[i] || forms[forms.length - 1]);
  }

  function show(el, n) {
    el.textContent = el.hasAttribute('data-comments-label') ? label(n, language(el)) : String(n);
    el.setAttribute('data-comments-count-state', 'ready');
  }

  function failed(el) {
    el.setAttribute('data-comments-count-state', 'error');
  }

  function refresh() {
    var byId = {};
    [].forEach.call(document.querySelectorAll('[data-comments-count]'), function (el) {
      var id = el.getAttribute('data-comments-count').trim();
      if (!ID.test(id)) return failed(el);
      (byId[id] = byId[id] || []).push(el);
    });
    var ids = Object.keys(byId);
    var requests = [];
    for (var i = 0; i < ids.length; i += BATCH) {
      requests.push(load(ids.slice(i, i + BATCH), byId));
    }
    return Promise.all(requests);
  }

  function load(ids, byId) {
    return fetch(API + ids.map(encodeURIComponent).join(','), { mode: 'cors', credentials: 'omit' })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (body) {
        ids.forEach(function (id) {
          var n = body.counts && typeof body.counts[id] === 'number' ? body.counts[id] : 0;
          byId[id].forEach(function (el) {
            show(el, n);
          });
        });
      })
      .catch(function () {
        ids.forEach(function (id) {
          byId[id].forEach(failed);
        });
      });
  }

  window.commentModerationCounts = { refresh: refresh };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', refresh);
  else refresh();
})();
