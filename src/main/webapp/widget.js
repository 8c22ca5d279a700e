/*
 * comment-moderation reader widget. A site embeds it with
 *   <div data-comments-article="ARTICLE_ID"></div>
 *   <script src="https://comments.example/widget.js" defer></script>
 * It talks to the service it was loaded from (not the page's origin), so it works cross-origin.
 * Optional attributes on the container: data-lang="ru|ky|en" (else the page's lang, else ru),
 * data-order="oldest|popular" (default newest first; readers can change it with the sort selector).
 * It sets data-cmw-state="loading|ready|error".
 * Readers signed in on the site: data-comments-token="JWT" (signed by the site for this reader), or
 * data-comments-token-url="/path" on the site's own origin, fetched with the site's cookies and
 * answering the token as text or as JSON {"token": "..."}. The token goes to the service as
 * "Authorization: Bearer" on posting and reporting; the form then shows the name the site gave.
 * A reader's own comments: the edit token of each submission's answer is kept in localStorage (of
 * the page's origin, under a key naming this service) so that its author can edit or delete it from
 * this browser. Likes are remembered there too. When the service asks for proof of work, the widget
 * solves the challenge with Web Crypto (SHA-256) before sending; nothing leaves for a third party.
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
      notifyReplies: 'Сообщать об ответах',
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
      rules: 'Комментарии проверяются автоматически. Оскорбления, мат и реклама не публикуются.',
      signedIn: 'Вы вошли как {name}',
      verified: 'Читатель сайта: вход подтверждён сайтом',
      signInFailed: 'Не удалось получить вход с сайта. Обновите страницу.',
      edit: 'Изменить',
      save: 'Сохранить',
      del: 'Удалить',
      delConfirm: 'Удалить комментарий?',
      delYes: 'Да, удалить',
      deleted: 'Комментарий удалён автором.',
      edited: 'изменён',
      like: 'Нравится',
      liked: 'Вам нравится',
      sort: 'Порядок',
      newest: 'Сначала новые',
      oldest: 'Сначала старые',
      popular: 'Сначала популярные',
      featured: 'Выбор редакции',
      solving: 'Проверяем браузер…',
      noCrypto: 'Браузер не может пройти проверку: откройте страницу по HTTPS.'
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
      notifyReplies: 'Жооптор тууралуу кабарлоо',
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
      rules: 'Комментарийлер автоматтык түрдө текшерилет. Кордоо, сөгүнүү жана жарнама жарыяланбайт.',
      signedIn: 'Сиз {name} катары кирдиңиз',
      verified: 'Сайттын окурманы: кирүүнү сайт ырастады',
      signInFailed: 'Сайттан кирүүнү алуу мүмкүн болгон жок. Баракты жаңылаңыз.',
      edit: 'Өзгөртүү',
      save: 'Сактоо',
      del: 'Өчүрүү',
      delConfirm: 'Комментарийди өчүрөсүзбү?',
      delYes: 'Ооба, өчүрүү',
      deleted: 'Комментарийди автору өчүргөн.',
      edited: 'өзгөртүлгөн',
      like: 'Жакты',
      liked: 'Сизге жакты',
      sort: 'Тартиби',
      newest: 'Алгач жаңылары',
      oldest: 'Алгач эскилери',
      popular: 'Алгач популярдуулары',
      featured: 'Редакциянын тандоосу',
      solving: 'Браузер текшерилүүдө…',
      noCrypto: 'Браузер текшерүүдөн өтө албайт: баракты HTTPS аркылуу ачыңыз.'
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
      notifyReplies: 'Tell me about replies',
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
      rules: 'Comments are checked automatically. Insults, obscenity and advertising are not published.',
      signedIn: 'Signed in as {name}',
      verified: 'Site reader: signed in by the site',
      signInFailed: 'Could not get your sign-in from the site. Please reload the page.',
      edit: 'Edit',
      save: 'Save',
      del: 'Delete',
      delConfirm: 'Delete this comment?',
      delYes: 'Yes, delete',
      deleted: 'Comment deleted by its author.',
      edited: 'edited',
      like: 'Like',
      liked: 'You like this',
      sort: 'Order',
      newest: 'Newest first',
      oldest: 'Oldest first',
      popular: 'Most liked first',
      featured: "Editors' picks",
      solving: 'Checking your browser…',
      noCrypto: 'Your browser cannot pass the check: open the page over HTTPS.'
    }
  };
  var REASONS = ['spam', 'abuse', 'offtopic', 'other'];
  var SORTS = ['newest', 'oldest', 'popular'];
  var seq = 0;

  /**
   * What this browser remembers for this service: edit tokens of the reader's own comments (id ->
   * token) and the comments they like. The page's localStorage, under a key naming the service, so
   * two services embedded on one site do not mix; nothing when storage is refused (private mode).
   */
  var STORE = 'cmw:' + BASE;
  function remembered() {
    try {
      var v = JSON.parse(window.localStorage.getItem(STORE) || '{}');
      return { tokens: v.tokens || {}, likes: v.likes || {} };
    } catch (e) {
      return { tokens: {}, likes: {} };
    }
  }
  function remember(change) {
    try {
      var v = remembered();
      change(v);
      window.localStorage.setItem(STORE, JSON.stringify(v));
    } catch (e) {
      /* storage refused: the reader simply cannot edit from here later */
    }
  }

  /** Leading zero bits of a digest. */
  function zeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) {
        bits += 8;
        continue;
      }
      return bits + Math.clz32(bytes[i]) - 24;
    }
    return bits;
  }

  /**
   * Finds a nonce such that SHA-256(challenge + ':' + nonce) starts with `difficulty` zero bits,
   * hashing in batches so the page stays responsive. Web Crypto only: no third party sees anything.
   */
  function solve(challenge, difficulty) {
    if (!window.crypto || !window.crypto.subtle) return Promise.reject(new Error('no-crypto'));
    var encoder = new TextEncoder();
    var batch = 256;
    function from(start) {
      var tries = [];
      for (var n = start; n < start + batch; n++) {
        tries.push(window.crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + n)));
      }
      return Promise.all(tries).then(function (digests) {
        for (var i = 0; i < digests.length; i++) {
          if (zeroBits(new Uint8Array(digests[i])) >= difficulty) return String(start + i);
        }
        return from(start + batch);
      });
    }
    return from(0);
  }

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

  /** The display name a site's token carries (its payload is readable; the service checks it). */
  function tokenName(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var bytes = atob(part + '==='.slice((part.length + 3) % 4));
      var json = new TextDecoder().decode(Uint8Array.from(bytes, function (c) { return c.charCodeAt(0); }));
      var name = JSON.parse(json).name;
      return typeof name === 'string' && name.trim() ? Array.from(name.trim()).slice(0, NAME_MAX).join('') : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * The reader's token: from data-comments-token, or fetched from data-comments-token-url on the
   * page's own origin (with the site's cookies; another origin is never asked). Resolves to null for
   * an anonymous reader.
   */
  function siteToken(root, fresh) {
    var given = root.getAttribute('data-comments-token');
    if (given && given.trim()) return Promise.resolve(given.trim());
    var from = root.getAttribute('data-comments-token-url');
    if (!from) return Promise.resolve(null);
    var url = new URL(from, location.href);
    if (url.origin !== location.origin) return Promise.reject(new Error('token URL not on this site'));
    return fetch(url.href, { credentials: 'same-origin', cache: fresh ? 'no-store' : 'default', headers: { Accept: 'application/json, text/plain' } })
      .then(function (res) {
        if (res.status === 204 || res.status === 401 || res.status === 403) return null; // not signed in
        if (!res.ok) throw new Error('token URL answered ' + res.status);
        return res.text().then(function (text) {
          var value = text.trim();
          if (value.charAt(0) === '{') value = JSON.parse(value).token || '';
          return value || null;
        });
      });
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
    var sort = SORTS.indexOf(root.getAttribute('data-order')) >= 0 ? root.getAttribute('data-order') : 'newest';
    var newest = sort !== 'oldest';
    var needsWork = false; // the service asked for proof of work: solve before each submission
    var id = 'cmw' + ++seq + '-';
    var shown = {}; // comment id -> its <li>, so a page never shows one twice
    var cursor = null;
    var total = 0;
    var parentId = null;
    var plural = new Intl.PluralRules(lang);
    var dates = dateFormat(lang);
    var token = null; // the site's sign-in token for this reader, when signed in
    var signedName = null;
    var tokenFromUrl = root.hasAttribute('data-comments-token-url') && !root.getAttribute('data-comments-token');

    // writes carry the token; a token fetched from the site is fetched again once when refused
    function write(method, path, body, extra) {
      return request(method, path, body, extra, token).then(function (res) {
        if (res.status !== 401 || !token || !tokenFromUrl) return res;
        return siteToken(root, true).then(function (again) {
          if (!again || again === token) return res;
          useToken(again);
          return request(method, path, body, extra, token);
        }, function () { return res; });
      });
    }

    function request(method, path, body, extra, bearer) {
      var init = { method: method, mode: 'cors', credentials: 'omit', headers: { 'Accept-Language': lang } };
      if (bearer) init.headers.Authorization = 'Bearer ' + bearer;
      for (var k in extra || {}) init.headers[k] = extra[k];
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
          return {
            status: res.status,
            json: json || {},
            retryAfter: res.headers.get('Retry-After'),
            challenge: res.headers.get('X-Comment-Challenge')
          };
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
    var sortSelect = h('select', { class: 'cmw-select', id: id + 'sort', 'data-sort': true },
      SORTS.map(function (o) { return h('option', { value: o, selected: o === sort, text: t[o] }); }));
    var sorter = h('p', { class: 'cmw-sort' }, [h('label', { for: sortSelect.id, text: t.sort }), ' ', sortSelect]);
    var picksList = h('ul', { class: 'cmw-list cmw-picks-list' });
    var picks = h('section', { class: 'cmw-picks', 'data-featured-section': true, hidden: true, 'aria-labelledby': id + 'picks' }, [
      h('h3', { class: 'cmw-picks-title', id: id + 'picks', text: t.featured }),
      picksList
    ]);

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
    // «Сообщать об ответах»: shown once an e-mail is entered, as replies are mailed there
    var notifyInput = h('input', { type: 'checkbox', name: 'notifyReplies', 'data-notify-replies': true });
    notifyInput.id = id + 'notifyReplies';
    var notifyRow = h('p', { class: 'cmw-check', hidden: true }, [notifyInput, ' ', h('label', { for: notifyInput.id, text: t.notifyReplies })]);
    function updateNotify() {
      notifyRow.hidden = !emailInput.value.trim();
      if (notifyRow.hidden) notifyInput.checked = false;
    }
    emailInput.addEventListener('input', updateNotify);
    var counter = h('p', { class: 'cmw-counter', id: id + 'count' });
    var replyName = h('span');
    var cancelReply = h('button', { type: 'button', class: 'cmw-link', 'data-cancel-reply': true, text: t.cancel });
    var replying = h('p', { class: 'cmw-replying', hidden: true }, [replyName, ' ', cancelReply]);
    var submit = h('button', { type: 'submit', class: 'cmw-btn', text: t.submit });
    var whoami = h('p', { class: 'cmw-signed-in', 'data-signed-in': true, hidden: true });
    var form = h('form', { class: 'cmw-form', 'data-comment-form': true, novalidate: true, 'aria-label': t.formTitle }, [
      replying,
      whoami,
      h('div', { class: 'cmw-row', 'data-anonymous-fields': true }, [field('authorName', t.name, nameInput), field('authorEmail', t.email, emailInput)]),
      notifyRow,
      field('body', t.body, bodyInput, counter),
      h('p', { class: 'cmw-hint', text: t.rules }),
      h('div', { class: 'cmw-actions' }, [submit]),
      status
    ]);
    var home = h('div', { class: 'cmw-home' }, [form]);
    var head = h('h2', { class: 'cmw-title' }, [t.title + ' ', totalEl]);
    var parts = newest ? [head, picks, home, sorter, info, list, more] : [head, picks, sorter, info, list, more, home];
    root.replaceChildren(h('section', { class: 'cmw-root', lang: lang }, parts));

    /** A signed-in reader writes under the site's name: the name and e-mail fields go away. */
    function useToken(value) {
      token = value;
      signedName = value ? tokenName(value) : null;
      form.querySelector('[data-anonymous-fields]').hidden = !!token;
      nameInput.required = !token;
      whoami.hidden = !token;
      whoami.textContent = token ? fill(t.signedIn, { name: signedName || '' }) : '';
      root.setAttribute('data-cmw-reader', token ? 'signed-in' : 'anonymous');
    }

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
      if (c.deleted) return placeholderNode(c);
      var when = new Date(c.createdAt);
      var mine = remembered().tokens[c.id];
      var li;
      var tools = [];
      if (!pending) {
        tools.push(likeButton(c));
        tools.push(h('button', { type: 'button', class: 'cmw-link', 'data-reply': true, text: t.reply, onclick: function () { startReply(c, li); } }));
        tools.push(h('button', { type: 'button', class: 'cmw-link', 'data-report': true, text: t.report, onclick: function (e) { openReport(c, li, e.currentTarget); } }));
      }
      if (mine) {
        tools.push(h('button', { type: 'button', class: 'cmw-link', 'data-edit': true, text: t.edit, onclick: function () { openEdit(c, li); } }));
        tools.push(h('button', { type: 'button', class: 'cmw-link', 'data-delete': true, text: t.del, onclick: function (e) { openDelete(c, li, e.currentTarget); } }));
      }
      var actions = h('div', { class: 'cmw-tools' }, tools);
      var editedMark = h('span', { class: 'cmw-edited', 'data-edited': true, hidden: !c.edited, text: ' · ' + t.edited });
      li = h('li', { class: 'cmw-item' + (pending ? ' cmw-is-pending' : '') + (c.featured ? ' cmw-is-featured' : ''), 'data-comment-id': c.id, 'data-pending': pending, 'data-featured': c.featured ? 'true' : null }, [
        h('article', { class: 'cmw-comment' }, [
          h('p', { class: 'cmw-meta' }, [
            h('span', { class: 'cmw-author', text: c.authorName }),
            c.author && c.author.verified ? h('span', { class: 'cmw-verified', 'data-verified': true, title: t.verified, 'aria-label': t.verified, text: '\u2713' }) : null,
            ' ',
            h('time', { class: 'cmw-time', datetime: c.createdAt, text: isNaN(when) ? '' : dates.format(when) }),
            editedMark,
            c.featured ? h('span', { class: 'cmw-badge', text: t.featured }) : null
          ]),
          h('div', { class: 'cmw-body', 'data-comment-body': true, text: c.body }),
          pending ? h('p', { class: 'cmw-pending', text: t.pending }) : null,
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

    /** A comment its author deleted, kept only to hold its replies: no name, no text. */
    function placeholderNode(c) {
      var li = h('li', { class: 'cmw-item cmw-is-deleted', 'data-comment-id': c.id, 'data-deleted': true }, [
        h('p', { class: 'cmw-placeholder', text: t.deleted })
      ]);
      shown[c.id] = li;
      if (c.replies && c.replies.length) {
        li.append(h('ul', { class: 'cmw-replies' }, c.replies.filter(fresh).map(function (r) { return commentNode(r); })));
      }
      return li;
    }

    function likeButton(c) {
      var liked = !!remembered().likes[c.id];
      var count = h('span', { class: 'cmw-count', 'data-like-count': true, text: String(c.likes || 0) });
      var button = h('button', { type: 'button', class: 'cmw-link cmw-like', 'data-like': true, 'aria-pressed': String(liked), title: liked ? t.liked : t.like }, ['♥ ' + t.like + ' ', count]);
      button.addEventListener('click', function () {
        var on = button.getAttribute('aria-pressed') !== 'true';
        button.disabled = true;
        var call = on
          ? write('POST', 'comments/' + encodeURIComponent(c.id) + '/reactions', { kind: 'like' })
          : write('DELETE', 'comments/' + encodeURIComponent(c.id) + '/reactions?kind=like');
        call
          .then(function (res) {
            if (res.status !== 200) return setStatus('ERROR', failure(res));
            count.textContent = String(res.json.likes);
            button.setAttribute('aria-pressed', String(on));
            button.title = on ? t.liked : t.like;
            remember(function (v) {
              if (on) v.likes[c.id] = 1;
              else delete v.likes[c.id];
            });
          })
          .catch(function () {
            setStatus('ERROR', t.network);
          })
          .then(function () {
            button.disabled = false;
          });
      });
      return button;
    }

    function fresh(c) {
      return !shown[c.id];
    }

    // data-cmw-state tells sites and tests when a page of the thread has arrived
    function load() {
      more.disabled = true;
      root.setAttribute('data-cmw-state', 'loading');
      return request('GET', 'articles/' + encodeURIComponent(article) + '/comments?limit=20&sort=' + sort + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''))
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

    sortSelect.addEventListener('change', function () {
      sort = sortSelect.value;
      cursor = null;
      shown = {};
      endReply(false);
      list.replaceChildren();
      load();
    });

    // the editor's picks, shown first; they are in the thread too, marked
    function loadPicks() {
      return request('GET', 'articles/' + encodeURIComponent(article) + '/comments?featured=true&limit=10')
        .then(function (res) {
          if (res.status !== 200) return;
          var found = res.json.comments || [];
          picksList.replaceChildren.apply(picksList, found.map(function (c) {
            var when = new Date(c.createdAt);
            return h('li', { class: 'cmw-item', 'data-featured-comment-id': c.id }, [
              h('p', { class: 'cmw-meta' }, [
                h('span', { class: 'cmw-author', text: c.authorName }),
                ' ',
                h('time', { class: 'cmw-time', datetime: c.createdAt, text: isNaN(when) ? '' : dates.format(when) })
              ]),
              h('div', { class: 'cmw-body', 'data-comment-body': true, text: c.body })
            ]);
          }));
          picks.hidden = !found.length;
        })
        .catch(function () {
          /* the picks are a bonus: the thread still shows them, marked */
        });
    }

    // ---- a reader's own comments: edit (within the service's window) and delete
    function ownHeaders(c) {
      return { 'X-Comment-Edit-Token': remembered().tokens[c.id] };
    }

    function openEdit(c, li) {
      if (openPanel) openPanel.remove();
      var bodyEl = li.querySelector(':scope > .cmw-comment > [data-comment-body]');
      var text = h('textarea', { class: 'cmw-input', name: 'body', id: id + 'edit-' + c.id, rows: 4, 'aria-label': t.body });
      text.value = bodyEl.textContent;
      var said = h('p', { class: 'cmw-status', 'data-edit-status': true, role: 'status', 'aria-live': 'polite' });
      var save = h('button', { type: 'submit', class: 'cmw-btn', 'data-edit-save': true, text: t.save });
      var panel = h('form', { class: 'cmw-report', 'data-edit-form': true }, [
        text,
        h('div', { class: 'cmw-actions' }, [
          save,
          h('button', { type: 'button', class: 'cmw-btn cmw-btn-quiet', text: t.cancel, onclick: function () { panel.remove(); openPanel = null; } })
        ]),
        said
      ]);
      panel.addEventListener('submit', function (e) {
        e.preventDefault();
        if (!text.value.trim()) {
          said.className = 'cmw-status cmw-status-error';
          said.textContent = t.required;
          return;
        }
        save.disabled = true;
        write('PATCH', 'comments/' + encodeURIComponent(c.id), { body: text.value }, ownHeaders(c))
          .then(function (res) {
            if (res.status === 200 && res.json.status) {
              var r = res.json;
              said.setAttribute('data-status', r.status);
              if (r.status === 'APPROVED') {
                bodyEl.textContent = text.value.trim();
                c.body = bodyEl.textContent;
                li.querySelector('[data-edited]').hidden = false;
                panel.remove();
                openPanel = null;
                setStatus(r.status, r.message || '');
                return;
              }
              // held or refused: it has left the thread; only its author sees why
              bodyEl.textContent = text.value.trim();
              li.classList.add('cmw-is-pending');
              li.setAttribute('data-pending', 'true');
              said.className = 'cmw-status cmw-status-' + r.status.toLowerCase();
              said.textContent = r.message || '';
              save.disabled = false;
              return;
            }
            said.className = 'cmw-status cmw-status-error';
            said.setAttribute('data-status', 'ERROR');
            said.textContent = failure(res);
            save.disabled = false;
          })
          .catch(function () {
            said.className = 'cmw-status cmw-status-error';
            said.textContent = t.network;
            save.disabled = false;
          });
      });
      li.querySelector('.cmw-slot').prepend(panel);
      openPanel = panel;
      text.focus();
    }

    function openDelete(c, li, button) {
      if (openPanel) openPanel.remove();
      var said = h('p', { class: 'cmw-status', role: 'status', 'aria-live': 'polite' });
      var yes = h('button', { type: 'button', class: 'cmw-btn', 'data-delete-confirm': true, text: t.delYes });
      var panel = h('div', { class: 'cmw-report', 'data-delete-panel': true }, [
        h('p', { text: t.delConfirm }),
        h('div', { class: 'cmw-actions' }, [
          yes,
          h('button', { type: 'button', class: 'cmw-btn cmw-btn-quiet', text: t.cancel, onclick: function () { panel.remove(); openPanel = null; button.focus(); } })
        ]),
        said
      ]);
      yes.addEventListener('click', function () {
        yes.disabled = true;
        write('DELETE', 'comments/' + encodeURIComponent(c.id), null, ownHeaders(c))
          .then(function (res) {
            if (res.status === 204) {
              remember(function (v) { delete v.tokens[c.id]; });
              var replies = li.querySelector(':scope > .cmw-replies');
              var wasShown = !li.classList.contains('cmw-is-pending');
              var placeholder = placeholderNode({ id: c.id });
              if (replies) placeholder.append(replies);
              if (replies && replies.children.length) li.replaceWith(placeholder);
              else {
                li.remove();
                delete shown[c.id];
              }
              if (wasShown) setTotal(Math.max(0, total - 1));
              openPanel = null;
              return;
            }
            said.className = 'cmw-status cmw-status-error';
            said.textContent = failure(res);
            yes.disabled = false;
          })
          .catch(function () {
            said.className = 'cmw-status cmw-status-error';
            said.textContent = t.network;
            yes.disabled = false;
          });
      });
      li.querySelector('.cmw-slot').prepend(panel);
      openPanel = panel;
      yes.focus();
    }

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
      if (token) {
        // a signed-in reader writes under the site's name: nothing to check
      } else if (!data.authorName) errors.authorName = t.required;
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
      var data = token ? { body: bodyInput.value } : { authorName: nameInput.value.trim(), body: bodyInput.value };
      if (!token && emailInput.value.trim()) data.authorEmail = emailInput.value.trim();
      if (data.authorEmail && notifyInput.checked) data.notifyReplies = true;
      if (parentId) data.parentId = parentId;
      if (showErrors(validate(data))) return;
      form.setAttribute('aria-busy', 'true');
      submit.disabled = true;
      setStatus('SENDING', '');
      var path = 'articles/' + encodeURIComponent(article) + '/comments';
      // one Idempotency-Key per comment: sending the same comment again after an error or a lost
      // answer reuses it, so the server answers with the comment it may already have stored
      var sig = JSON.stringify([article, data]);
      if (!attempt || attempt.sig !== sig) attempt = { sig: sig, key: newKey() };
      // with proof of work asked for, solve first; when it is asked for unexpectedly, solve and retry once
      function send(retried) {
        var work = needsWork ? proofOfWork() : Promise.resolve(null);
        return work.then(function (headers) {
          var extra = { 'Idempotency-Key': attempt.key };
          for (var k in headers || {}) extra[k] = headers[k];
          return write('POST', path, data, extra).then(function (res) {
            if (res.status === 403 && res.challenge === 'pow' && !retried) {
              needsWork = true;
              return send(true);
            }
            return res;
          });
        });
      }
      send(false)
        .then(function (res) {
          var r = res.json;
          // settled: a new attempt gets a new key (429, 503 and other errors keep it for a retry)
          if (res.status === 201 || res.status === 400 || res.status === 409) attempt = null;
          if (res.status === 201 && r.status) {
            if (r.editToken) remember(function (v) { v.tokens[r.id] = r.editToken; });
            setStatus(r.status, r.message || '');
            if (r.status === 'REJECTED') return bodyInput.focus();
            var shownName = token ? signedName || '' : data.authorName;
            var c = { id: r.id, parentId: r.parentId, authorName: shownName, body: data.body.trim(), createdAt: r.createdAt, likes: 0, author: { name: shownName, verified: !!token } };
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
            if (errors.notifyReplies && !errors.authorEmail) showError(emailInput, errors.notifyReplies);
            setStatus('INVALID', others.length ? others.map(function (v) { return v.message; }).join(' ') : r.detail || '');
            return;
          }
          setStatus('ERROR', failure(res));
        })
        .catch(function (e) {
          setStatus('ERROR', e && e.message === 'no-crypto' ? t.noCrypto : t.network);
        })
        .then(function () {
          form.removeAttribute('aria-busy');
          submit.disabled = false;
        });
    });

    /** Fetches a challenge and solves it: the headers that carry the solution. */
    function proofOfWork() {
      setStatus('SENDING', t.solving);
      return request('POST', 'challenges').then(function (res) {
        if (res.status !== 200) throw new Error('challenge');
        var c = res.json;
        return solve(c.challenge, c.difficulty).then(function (nonce) {
          return { 'X-Comment-Challenge': c.challenge, 'X-Comment-Challenge-Nonce': nonce };
        });
      });
    }

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
        write('POST', 'comments/' + encodeURIComponent(c.id) + '/flags', body)
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

    useToken(null);
    siteToken(root, false).then(function (value) {
      if (value) useToken(value);
    }, function () {
      setStatus('ERROR', t.signInFailed);
    });
    loadPicks();
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
