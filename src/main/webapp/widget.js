/*
 * comment-moderation reader widget. A site embeds it with
 *   <div data-comments-article="ARTICLE_ID"></div>
 *   <script src="https://comments.example/widget.js" defer></script>
 * It talks to the service it was loaded from (not the page's origin), so it works cross-origin.
 * Optional attributes on the container: data-lang="ru|ky|en" (else the page's lang, else ru),
 * data-order="oldest" (default newest first). It sets data-cmw-state="loading|ready|error".
 * Sites theme it with the CSS custom properties --cmw-accent, --cmw-text, --cmw-bg, --cmw-font;
 * pages that add containers later call window.commentModerationWidget.mount().
 *
 * Safety: everything a reader typed reaches the page only as text (createTextNode, textContent,
 * Element.append of strings); there is no innerHTML, eval or inline handler anywhere. Styles
 * come from widget.css through a <link>, so a page's CSP needs no 'unsafe-inline' for us.
 */
(function () {
  'use strict';
  var script =
    document.currentScript ||
    [].slice.call(document.querySelectorAll('script[src]')).filter(function (s) {
      return /\/widget\.js(\?|#|$)/.test(s.src);
    }).pop();
  if (!script) return;
  var BASE = new URL('.', script.src).href;
  var API = BASE + 'api/';
  var MAX = 5000;
  var NAME_MAX = 80;

  var T = {
    ru: {
      title: 'Комментарии',
      forms: ['комментарий', 'комментария', 'комментариев'],
      empty: 'Комментариев пока нет. Будьте первым.',
      loading: 'Загружаем комментарии…',
      loadError: 'Не удалось загрузить комментарии.',
      retry: 'Повторить',
      more: 'Показать ещё',
      formTitle: 'Написать комментарий',
      name: 'Имя',
      email: 'E-mail (необязательно, не публикуется)',
      body: 'Комментарий',
      submit: 'Отправить',
      reply: 'Ответить',
      replyTo: 'Ответ на комментарий: {name}',
      cancel: 'Отмена',
      report: 'Пожаловаться',
      reported: 'Жалоба отправлена',
      reportTitle: 'Причина жалобы',
      spam: 'Спам или реклама',
      abuse: 'Оскорбления или травля',
      offtopic: 'Не по теме',
      other: 'Другое',
      note: 'Пояснение (необязательно)',
      sendReport: 'Отправить жалобу',
      thanks: 'Спасибо! Модераторы проверят комментарий.',
      pending: 'Ожидает проверки модератором. Видно только вам.',
      counter: '{n} из {max}',
      required: 'Обязательное поле.',
      tooLong: 'Не длиннее {max} символов.',
      emailInvalid: 'Неверный адрес электронной почты.',
      network: 'Нет связи с сервером. Попробуйте ещё раз.',
      tooMany: 'Слишком много попыток. Попробуйте через {s} с.',
      error: 'Не удалось отправить. Попробуйте позже.',
      rules: 'Комментарии проверяются автоматически. Оскорбления, мат и реклама не публикуются.'
    },
    ky: {
      title: 'Комментарийлер',
      forms: ['комментарий'],
      empty: 'Азырынча комментарий жок. Биринчи болуп жазыңыз.',
      loading: 'Комментарийлер жүктөлүүдө…',
      loadError: 'Комментарийлерди жүктөө мүмкүн болгон жок.',
      retry: 'Кайталоо',
      more: 'Дагы көрсөтүү',
      formTitle: 'Комментарий жазуу',
      name: 'Атыңыз',
      email: 'E-mail (милдеттүү эмес, жарыяланбайт)',
      body: 'Комментарий',
      submit: 'Жөнөтүү',
      reply: 'Жооп берүү',
      replyTo: 'Комментарийге жооп: {name}',
      cancel: 'Жокко чыгаруу',
      report: 'Даттануу',
      reported: 'Даттануу жөнөтүлдү',
      reportTitle: 'Даттануунун себеби',
      spam: 'Спам же жарнама',
      abuse: 'Кордоо же куугунтук',
      offtopic: 'Темага тиешеси жок',
      other: 'Башка',
      note: 'Түшүндүрмө (милдеттүү эмес)',
      sendReport: 'Даттанууну жөнөтүү',
      thanks: 'Рахмат! Модераторлор комментарийди текшерет.',
      pending: 'Модератордун текшерүүсүн күтүүдө. Сизге гана көрүнөт.',
      counter: '{n} / {max}',
      required: 'Милдеттүү талаа.',
      tooLong: '{max} белгиден ашпашы керек.',
      emailInvalid: 'Электрондук почтанын дареги туура эмес.',
      network: 'Сервер менен байланыш жок. Кайра аракет кылыңыз.',
      tooMany: 'Аракеттер өтө көп. {s} секунддан кийин кайталаңыз.',
      error: 'Жөнөтүү мүмкүн болгон жок. Кийинчерээк аракет кылыңыз.',
      rules: 'Комментарийлер автоматтык түрдө текшерилет. Кордоо, сөгүнүү жана жарнама жарыяланбайт.'
    },
    en: {
      title: 'Comments',
      forms: ['comment', 'comments'],
      empty: 'No comments yet. Be the first.',
      loading: 'Loading comments…',
      loadError: 'Could not load the comments.',
      retry: 'Try again',
      more: 'Show more',
      formTitle: 'Write a comment',
      name: 'Name',
      email: 'E-mail (optional, never shown)',
      body: 'Comment',
      submit: 'Post',
      reply: 'Reply',
      replyTo: 'Replying to {name}',
      cancel: 'Cancel',
      report: 'Report',
      reported: 'Reported',
      reportTitle: 'Why are you reporting this?',
      spam: 'Spam or advertising',
      abuse: 'Insults or harassment',
      offtopic: 'Off topic',
      other: 'Other',
      note: 'Details (optional)',
      sendReport: 'Send report',
      thanks: 'Thank you! Moderators will review this comment.',
      pending: 'Awaiting moderation. Only you can see it.',
      counter: '{n} of {max}',
      required: 'Required.',
      tooLong: 'At most {max} characters.',
      emailInvalid: 'Invalid e-mail address.',
      network: 'Cannot reach the server. Please try again.',
      tooMany: 'Too many attempts. Try again in {s} s.',
      error: 'Could not send. Please try again later.',
      rules: 'Comments are checked automatically. Insults, obscenity and advertising are not published.'
    }
  };
  var REASONS = ['spam', 'abuse', 'offtopic', 'other'];
  var seq = 0;

  /** Builds an element; children that are strings become text nodes, never markup. */
  function h(tag, props, kids) {
    var el = document.createElement(tag);
    for (var k in props || {}) {
      var v = props[k];
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    [].concat(kids == null ? [] : kids).forEach(function (c) {
      if (c != null) el.append(c);
    });
    return el;
  }

  function fill(s, args) {
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return args[k] != null ? args[k] : m;
    });
  }

  /** Length as the service counts it: code points of the trimmed text. */
  function textLength(s) {
    return Array.from(s.trim()).length;
  }

  function language(el) {
    var tag = (el.getAttribute('data-lang') || (el.closest('[lang]') || {}).lang || '').toLowerCase();
    var code = tag.split(/[-_]/)[0];
    return code === 'kir' ? 'ky' : T[code] ? code : 'ru';
  }

  /** Browsers without Kyrgyz locale data would print English dates; spell those out by hand. */
  function dateFormat(lang) {
    var opts = { dateStyle: 'long', timeStyle: 'short' };
    if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length) return new Intl.DateTimeFormat(lang, opts);
    var months = 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' ');
    var hm = new Intl.DateTimeFormat('ru', { hour: '2-digit', minute: '2-digit' });
    return {
      format: function (d) {
        return d.getFullYear() + '-ж., ' + d.getDate() + '-' + months[d.getMonth()] + ', ' + hm.format(d);
      }
    };
  }

  function loadStyles() {
    if (document.querySelector('link[data-cmw-css]')) return;
    document.head.append(h('link', { rel: 'stylesheet', href: BASE + 'widget.css', 'data-cmw-css': true }));
  }

  function mount(root) {
    if (root.hasAttribute('data-cmw-ready')) return;
    root.setAttribute('data-cmw-ready', '');
    var article = root.getAttribute('data-comments-article');
    var lang = language(root);
    var t = T[lang];
    var newest = root.getAttribute('data-order') !== 'oldest';
    var id = 'cmw' + ++seq + '-';
    var shown = {}; // comment id -> its <li>, so a page never shows one twice
    var cursor = null;
    var total = 0;
    var parentId = null;
    var plural = new Intl.PluralRules(lang);
    var dates = dateFormat(lang);

    function request(method, path, body, headers) {
      var init = { method: method, mode: 'cors', credentials: 'omit', headers: { 'Accept-Language': lang } };
      if (headers) Object.keys(headers).forEach(function (k) { init.headers[k] = headers[k]; });
      if (body) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      return fetch(API + path, init).then(function (res) {
        return res.text().then(function (text) {
          var json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch (e) {
            /* not JSON: an error page from a proxy; the status code still tells the story */
          }
          return { status: res.status, json: json || {}, retryAfter: res.headers.get('Retry-After') };
        });
      });
    }

    var attempt = null; // the comment being sent: its text and Idempotency-Key

    function newKey() {
      if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
      var b = new Uint8Array(16);
      crypto.getRandomValues(b);
      return Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    }

    function failure(res) {
      if (res.status === 429) return fill(t.tooMany, { s: parseInt(res.retryAfter, 10) || 60 });
      return res.json.detail || t.error;
    }

    // ---- skeleton
    var totalEl = h('span', { class: 'cmw-total', 'data-comment-total': true });
    var list = h('ul', { class: 'cmw-list' });
    var info = h('p', { class: 'cmw-info', text: t.loading });
    var more = h('button', { type: 'button', class: 'cmw-btn cmw-btn-quiet', 'data-more': true, hidden: true, text: t.more });
    var status = h('div', { class: 'cmw-status', 'data-comment-status': true, role: 'status', 'aria-live': 'polite' });

    function field(name, label, control, hint) {
      var err = h('p', { class: 'cmw-error', id: id + name + '-err', hidden: true });
      control.id = id + name;
      control.name = name;
      control.className = 'cmw-input';
      control.setAttribute('aria-describedby', err.id + (hint ? ' ' + hint.id : ''));
      return h('div', { class: 'cmw-field' }, [h('label', { for: control.id, text: label }), control, hint, err]);
    }
    var nameInput = h('input', { type: 'text', autocomplete: 'name', required: true });
    var emailInput = h('input', { type: 'email', autocomplete: 'email', inputmode: 'email' });
    var bodyInput = h('textarea', { rows: 4, required: true });
    var counter = h('p', { class: 'cmw-counter', id: id + 'count' });
    var replyName = h('span');
    var cancelReply = h('button', { type: 'button', class: 'cmw-link', 'data-cancel-reply': true, text: t.cancel });
    var replying = h('p', { class: 'cmw-replying', hidden: true }, [replyName, ' ', cancelReply]);
    var submit = h('button', { type: 'submit', class: 'cmw-btn', text: t.submit });
    var form = h('form', { class: 'cmw-form', 'data-comment-form': true, novalidate: true, 'aria-label': t.formTitle }, [
      replying,
      h('div', { class: 'cmw-row' }, [field('authorName', t.name, nameInput), field('authorEmail', t.email, emailInput)]),
      field('body', t.body, bodyInput, counter),
      h('p', { class: 'cmw-hint', text: t.rules }),
      h('div', { class: 'cmw-actions' }, [submit]),
      status
    ]);
    var home = h('div', { class: 'cmw-home' }, [form]);
    var head = h('h2', { class: 'cmw-title' }, [t.title + ' ', totalEl]);
    var parts = newest ? [head, home, info, list, more] : [head, info, list, more, home];
    root.replaceChildren(h('section', { class: 'cmw-root', lang: lang }, parts));

    function setTotal(n) {
      total = n;
      var forms = t.forms;
      var i = { one: 0, few: 1, many: 2, other: forms.length > 2 ? 2 : 1 }[plural.select(n)];
      totalEl.textContent = n ? '(' + n + ')' : '';
      totalEl.setAttribute('aria-label', n + ' ' + (forms[i] || forms[forms.length - 1]));
      info.hidden = n > 0;
      info.textContent = t.empty;
    }

    function updateCounter() {
      var n = textLength(bodyInput.value);
      counter.textContent = fill(t.counter, { n: n, max: MAX });
      counter.classList.toggle('cmw-over', n > MAX);
    }
    bodyInput.addEventListener('input', updateCounter);
    updateCounter();

    // ---- thread
    function commentNode(c, pending) {
      var when = new Date(c.createdAt);
      var actions = pending
        ? h('p', { class: 'cmw-pending', text: t.pending })
        : h('div', { class: 'cmw-tools' }, [
            h('button', { type: 'button', class: 'cmw-link', 'data-reply': true, text: t.reply, onclick: function () { startReply(c, li); } }),
            h('button', { type: 'button', class: 'cmw-link', 'data-report': true, text: t.report, onclick: function (e) { openReport(c, li, e.currentTarget); } })
          ]);
      var li = h('li', { class: 'cmw-item' + (pending ? ' cmw-is-pending' : ''), 'data-comment-id': c.id, 'data-pending': pending }, [
        h('article', { class: 'cmw-comment' }, [
          h('p', { class: 'cmw-meta' }, [
            h('span', { class: 'cmw-author', text: c.authorName }),
            ' ',
            h('time', { class: 'cmw-time', datetime: c.createdAt, text: isNaN(when) ? '' : dates.format(when) })
          ]),
          h('div', { class: 'cmw-body', 'data-comment-body': true, text: c.body }),
          actions,
          h('div', { class: 'cmw-slot' })
        ])
      ]);
      shown[c.id] = li;
      if (c.replies && c.replies.length) {
        li.append(h('ul', { class: 'cmw-replies' }, c.replies.filter(fresh).map(function (r) { return commentNode(r); })));
      }
      return li;
    }

    function fresh(c) {
      return !shown[c.id];
    }

    // data-cmw-state tells sites and tests when a page of the thread has arrived
    function load() {
      more.disabled = true;
      root.setAttribute('data-cmw-state', 'loading');
      return request('GET', 'articles/' + encodeURIComponent(article) + '/comments?limit=20&order=' + (newest ? 'newest' : 'oldest') + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''))
        .then(function (res) {
          if (res.status !== 200) throw res;
          var page = res.json;
          list.append.apply(list, (page.comments || []).filter(fresh).map(function (c) { return commentNode(c); }));
          cursor = page.nextCursor || null;
          more.hidden = !cursor;
          setTotal(page.total || 0);
          root.setAttribute('data-cmw-state', 'ready');
        })
        .catch(function () {
          root.setAttribute('data-cmw-state', 'error');
          info.hidden = false;
          info.replaceChildren(t.loadError + ' ', h('button', { type: 'button', class: 'cmw-link', text: t.retry, onclick: function () { info.textContent = t.loading; load(); } }));
        })
        .then(function () {
          more.disabled = false;
        });
    }
    more.addEventListener('click', load);

    // ---- replying: the one form moves under the comment being answered
    function startReply(c, li) {
      parentId = c.id;
      replyName.textContent = fill(t.replyTo, { name: c.authorName });
      replying.hidden = false;
      li.querySelector('.cmw-slot').append(form);
      bodyInput.focus();
    }

    function endReply(focusBack) {
      var back = parentId && shown[parentId];
      parentId = null;
      replying.hidden = true;
      home.append(form);
      if (focusBack && back) back.querySelector('[data-reply]').focus();
    }
    cancelReply.addEventListener('click', function () {
      endReply(true);
    });

    // ---- submitting
    function showError(input, message) {
      var err = document.getElementById(input.id + '-err');
      err.textContent = message;
      err.hidden = !message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }

    function setStatus(code, message) {
      status.setAttribute('data-status', code);
      status.className = 'cmw-status cmw-status-' + code.toLowerCase();
      status.textContent = message;
    }

    function validate(data) {
      var errors = {};
      if (!data.authorName) errors.authorName = t.required;
      else if (textLength(data.authorName) > NAME_MAX) errors.authorName = fill(t.tooLong, { max: NAME_MAX });
      if (data.authorEmail && !/^[^\s@]+@[^\s@]+$/.test(data.authorEmail)) errors.authorEmail = t.emailInvalid;
      if (!data.body.trim()) errors.body = t.required;
      else if (textLength(data.body) > MAX) errors.body = fill(t.tooLong, { max: MAX });
      return errors;
    }

    function showErrors(errors) {
      var first = null;
      [nameInput, emailInput, bodyInput].forEach(function (input) {
        showError(input, errors[input.name] || '');
        if (errors[input.name] && !first) first = input;
      });
      if (first) first.focus();
      return !!first;
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (form.getAttribute('aria-busy') === 'true') return;
      var data = { authorName: nameInput.value.trim(), body: bodyInput.value };
      if (emailInput.value.trim()) data.authorEmail = emailInput.value.trim();
      if (parentId) data.parentId = parentId;
      if (showErrors(validate(data))) return;
      form.setAttribute('aria-busy', 'true');
      submit.disabled = true;
      setStatus('SENDING', '');
      // one Idempotency-Key per comment: sending the same comment again after an error or a lost
      // answer reuses it, so the server answers with the comment it may already have stored
      var sig = JSON.stringify([article, data]);
      if (!attempt || attempt.sig !== sig) attempt = { sig: sig, key: newKey() };
      request('POST', 'articles/' + encodeURIComponent(article) + '/comments', data, { 'Idempotency-Key': attempt.key })
        .then(function (res) {
          var r = res.json;
          // settled: a new attempt gets a new key (429, 503 and other errors keep it for a retry)
          if (res.status === 201 || res.status === 400 || res.status === 409) attempt = null;
          if (res.status === 201 && r.status) {
            setStatus(r.status, r.message || '');
            if (r.status === 'REJECTED') return bodyInput.focus();
            var c = { id: r.id, parentId: r.parentId, authorName: data.authorName, body: data.body, createdAt: r.createdAt };
            var node = commentNode(c, r.status !== 'APPROVED');
            var parent = c.parentId && shown[c.parentId];
            if (parent) {
              var replies = parent.querySelector(':scope > .cmw-replies') || parent.appendChild(h('ul', { class: 'cmw-replies' }));
              replies.append(node);
            } else if (newest) list.prepend(node);
            else list.append(node);
            if (r.status === 'APPROVED') setTotal(total + 1);
            info.hidden = true;
            bodyInput.value = '';
            updateCounter();
            endReply(false);
            node.classList.add('cmw-new');
            node.tabIndex = -1;
            node.focus();
            return;
          }
          if (res.status === 400 && r.violations && r.violations.length) {
            var errors = {};
            r.violations.forEach(function (v) {
              errors[v.field] = errors[v.field] ? errors[v.field] + ' ' + v.message : v.message;
            });
            showErrors(errors);
            // a field the form has no input for (parentId) still needs saying
            var others = r.violations.filter(function (v) { return !/^(authorName|authorEmail|body)$/.test(v.field); });
            setStatus('INVALID', others.length ? others.map(function (v) { return v.message; }).join(' ') : r.detail || '');
            return;
          }
          setStatus('ERROR', failure(res));
        })
        .catch(function () {
          setStatus('ERROR', t.network);
        })
        .then(function () {
          form.removeAttribute('aria-busy');
          submit.disabled = false;
        });
    });

    // ---- reporting
    var openPanel = null;
    function openReport(c, li, button) {
      if (openPanel) openPanel.remove();
      var note = h('input', { type: 'text', name: 'note', id: id + 'note', class: 'cmw-input', maxlength: 500 });
      var said = h('p', { class: 'cmw-status', 'data-report-status': true, role: 'status', 'aria-live': 'polite' });
      var send = h('button', { type: 'submit', class: 'cmw-btn', text: t.sendReport });
      var panel = h('form', { class: 'cmw-report', 'data-report-form': true }, [
        h('fieldset', { class: 'cmw-reasons' }, [h('legend', { text: t.reportTitle })].concat(REASONS.map(function (r, i) {
          return h('label', { class: 'cmw-choice' }, [h('input', { type: 'radio', name: 'reason', value: r, checked: i === 0 }), ' ' + t[r]]);
        }))),
        h('div', { class: 'cmw-field' }, [h('label', { for: note.id, text: t.note }), note]),
        h('div', { class: 'cmw-actions' }, [
          send,
          h('button', { type: 'button', class: 'cmw-btn cmw-btn-quiet', text: t.cancel, onclick: function () { panel.remove(); openPanel = null; button.focus(); } })
        ]),
        said
      ]);
      panel.addEventListener('submit', function (e) {
        e.preventDefault();
        send.disabled = true;
        var body = { reason: panel.querySelector('input[name=reason]:checked').value };
        if (note.value.trim()) body.note = note.value.trim();
        request('POST', 'comments/' + encodeURIComponent(c.id) + '/flags', body)
          .then(function (res) {
            if (res.status === 202 || res.status === 200 || res.status === 204) {
              panel.replaceChildren(h('p', { class: 'cmw-status cmw-status-approved', 'data-report-status': 'SENT', role: 'status', text: t.thanks }));
              button.disabled = true;
              button.textContent = t.reported;
              panel.tabIndex = -1;
              panel.focus();
              openPanel = null;
              return;
            }
            said.className = 'cmw-status cmw-status-error';
            said.textContent = failure(res);
            send.disabled = false;
          })
          .catch(function () {
            said.className = 'cmw-status cmw-status-error';
            said.textContent = t.network;
            send.disabled = false;
          });
      });
      li.querySelector('.cmw-slot').prepend(panel);
      openPanel = panel;
      panel.querySelector('input').focus();
    }

    load();
  }

  function mountAll() {
    var found = document.querySelectorAll('[data-comments-article]');
    if (found.length) loadStyles();
    [].forEach.call(found, mount);
  }

  // Pages that add containers later (single-page sites) can call this again.
  window.commentModerationWidget = window.commentModerationWidget || { mount: mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
