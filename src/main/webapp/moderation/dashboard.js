/*
 * Moderator dashboard. Talks to /api/moderation with HTTP Basic on every request.
 *
 * Credentials are kept in sessionStorage only (this tab; gone on logout or when the tab closes).
 * No cookie is ever set and the API keeps no session, so a request from another site carries no
 * authority: there is no CSRF surface. Every request sends X-Requested-With, so a 401 carries the
 * "FormBasic" challenge and the browser shows our login form instead of its own dialog.
 *
 * All comment text, names and addresses reach the page as text nodes, never as markup.
 */
(function () {
  'use strict';
  var API = new URL('../api/', document.currentScript.src).href;
  var STORE = 'commentModeration.moderator';
  var PAGE = 30;

  var STATUS = { PENDING: 'на проверке', APPROVED: 'одобрен', REJECTED: 'отклонён' };
  var DECISION = { APPROVE: 'публиковать', HOLD: 'на проверку', REJECT: 'отклонить' };
  var ACTION = { FLAG: 'отметка', HOLD: 'задержать', REJECT: 'отклонить' };
  var CATEGORY = {
    obscenity: 'мат', insult: 'оскорбление', hate: 'вражда', spam: 'спам', links: 'ссылки',
    contacts: 'контакты', shouting: 'капс', flood: 'флуд', length: 'длина', duplicate: 'повтор'
  };
  var AUDIT = { SUBMITTED: 'проверен правилами', APPROVED: 'одобрен', REJECTED: 'отклонён', REVERSED: 'решение изменено' };
  var DONE = { approve: 'одобрен', reject: 'отклонён' };
  var dates = new Intl.DateTimeFormat('ru', { dateStyle: 'short', timeStyle: 'medium' });

  var state = {
    auth: null, user: null, status: 'PENDING', articleId: '', cursor: null,
    items: new Map(), // id -> {data, el, busy, stale}
    selected: new Set(), current: null, loading: false
  };

  // ---------- small DOM helpers
  function $(sel, root) {
    return (root || document).querySelector(sel);
  }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) child.forEach(function (c) { node.append(c); });
      else node.append(child); // strings become text nodes
    }
    return node;
  }
  function time(iso) {
    var d = new Date(iso);
    return el('time', { datetime: iso, text: isNaN(d) ? String(iso || '') : dates.format(d) });
  }
  function label(map, key) {
    return map[key] || String(key == null ? '' : key);
  }

  // ---------- notices
  var notice = $('[data-notice]');
  function say(text, kind) {
    $('[data-notice-text]').textContent = text;
    notice.className = 'notice notice-' + (kind || 'info');
    notice.setAttribute('data-kind', kind || 'info');
    notice.hidden = false;
  }
  $('[data-notice-close]').addEventListener('click', function () {
    notice.hidden = true;
  });

  // ---------- HTTP
  function base64(text) {
    var bin = '';
    new TextEncoder().encode(text).forEach(function (b) {
      bin += String.fromCharCode(b);
    });
    return btoa(bin);
  }

  function call(method, path, body) {
    var headers = { Accept: 'application/json', 'Accept-Language': 'ru', 'X-Requested-With': 'XMLHttpRequest' };
    if (state.auth) headers.Authorization = 'Basic ' + state.auth;
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(API + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit', cache: 'no-store'
    }).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          /* a proxy's error page: the status says enough */
        }
        return { status: res.status, json: json || {} };
      });
    });
  }

  /** A call made while logged in: a 401 means the credentials stopped working. */
  function authed(method, path, body) {
    return call(method, path, body).then(function (res) {
      if (res.status === 401) {
        logout();
        say('Требуется повторный вход: ' + (res.json.detail || 'учётные данные больше не действуют.'), 'error');
        throw res;
      }
      return res;
    });
  }

  function networkError() {
    say('Нет связи с сервером. Проверьте подключение и повторите.', 'error');
  }

  // ---------- login / logout
  var loginForm = $('[data-login-form]');
  loginForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var user = loginForm.username.value.trim();
    var password = loginForm.password.value;
    if (!user || !password) {
      say('Введите имя пользователя и пароль.', 'error');
      (user ? loginForm.password : loginForm.username).focus();
      return;
    }
    var button = $('button[type=submit]', loginForm);
    button.disabled = true;
    state.auth = base64(user + ':' + password);
    call('GET', 'moderation/queue?limit=1')
      .then(function (res) {
        if (res.status === 200) {
          sessionStorage.setItem(STORE, JSON.stringify({ user: user, auth: state.auth }));
          loginForm.password.value = '';
          notice.hidden = true;
          enter(user);
          return;
        }
        state.auth = null;
        say(res.status === 401 ? 'Неверное имя пользователя или пароль.'
          : res.status === 403 ? 'У этой учётной записи нет прав модератора.'
          : 'Вход не удался: ' + (res.json.detail || 'ошибка ' + res.status), 'error');
        loginForm.password.select();
      })
      .catch(function () {
        state.auth = null;
        networkError();
      })
      .then(function () {
        button.disabled = false;
      });
  });

  function enter(user) {
    state.user = user;
    $('[data-user]').textContent = user;
    $('[data-view=login]').hidden = true;
    $('[data-view=app]').hidden = false;
    $('[data-userbar]').hidden = false;
    $('[data-nav]').hidden = false;
    show('queue');
    $('#main').focus();
    load(true);
    probeAdmin();
  }

  function logout() {
    sessionStorage.removeItem(STORE);
    disconnectLive();
    state.auth = null;
    state.user = null;
    clearQueue();
    $('[data-check-result]').replaceChildren();
    resetAdminScreens();
    $('[data-view=app]').hidden = true;
    $('[data-userbar]').hidden = true;
    $('[data-nav]').hidden = true;
    $('[data-view=login]').hidden = false;
    loginForm.username.focus();
  }
  $('[data-logout]').addEventListener('click', function () {
    logout();
    say('Вы вышли.', 'info');
  });

  // ---------- sections (new ones — rules, sanctions, stats — add a tab and a section)
  var current = 'queue';
  function show(name) {
    current = name;
    document.querySelectorAll('[data-section]').forEach(function (s) {
      s.hidden = s.getAttribute('data-section') !== name;
    });
    document.querySelectorAll('[data-tab]').forEach(function (t) {
      if (t.getAttribute('data-tab') === name) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    });
    if (LOADERS[name]) LOADERS[name]();
  }
  var LOADERS = {};
  document.querySelectorAll('[data-tab]').forEach(function (t) {
    t.addEventListener('click', function () {
      show(t.getAttribute('data-tab'));
    });
  });

  // ---------- rendering matches
  function describe(m) {
    return m.rule + ' · ' + label(CATEGORY, m.category) + ' · ' + label(ACTION, m.action);
  }

  function matchList(matches) {
    if (!matches || !matches.length) return el('p', { class: 'muted small', text: 'Правила ничего не нашли.' });
    return el('ul', { class: 'matches' }, matches.map(function (m) {
      var spanless = !(m.end > m.start);
      return el('li', { 'data-match-rule': m.rule },
        el('span', { class: 'tag tag-' + String(m.action || 'flag').toLowerCase(), text: label(ACTION, m.action) }), ' ',
        el('code', { text: m.rule }), ' · ', label(CATEGORY, m.category),
        spanless ? el('span', { class: 'muted', text: ' (без фрагмента текста)' }) : [' — «', el('span', { class: 'excerpt', text: m.excerpt || '' }), '»']);
    }));
  }

  function verdictLine(v) {
    if (!v) return el('span', { class: 'muted', text: 'вердикта нет' });
    return el('span', { class: 'verdict' },
      'Правила: ', el('strong', { class: 'decision decision-' + String(v.decision).toLowerCase(), text: label(DECISION, v.decision) }),
      v.ruleSetVersion ? el('span', { class: 'muted', text: ' (набор правил ' + v.ruleSetVersion + ')' }) : null);
  }

  // ---------- the queue
  var queue = $('[data-queue]');
  var more = $('[data-queue-more]');
  var empty = $('[data-queue-empty]');

  function clearQueue() {
    state.items.clear();
    state.selected.clear();
    state.current = null;
    state.cursor = null;
    queue.replaceChildren();
    if (live) live.fresh = 0;
    more.hidden = true;
    empty.hidden = true;
    updateSelection();
  }

  function load(reset) {
    if (state.loading) return Promise.resolve();
    state.loading = true;
    queue.setAttribute('aria-busy', 'true');
    var q = 'moderation/queue?status=' + encodeURIComponent(state.status) + '&limit=' + PAGE;
    if (state.articleId) q += '&articleId=' + encodeURIComponent(state.articleId);
    if (!reset && state.cursor) q += '&cursor=' + encodeURIComponent(state.cursor);
    var keep = new Set(state.selected);
    return authed('GET', q)
      .then(function (res) {
        if (res.status !== 200) {
          say('Очередь не загрузилась: ' + problemText(res), 'error');
          return;
        }
        if (reset) clearQueue();
        (res.json.items || []).forEach(function (item) {
          if (state.items.has(item.id)) return;
          var node = itemNode(item);
          state.items.set(item.id, { data: item, el: node });
          queue.append(node);
          if (reset && keep.has(item.id)) select(item.id, true);
        });
        state.cursor = res.json.nextCursor || null;
        more.hidden = !state.cursor;
        connectLive();
        empty.hidden = state.items.size > 0;
        empty.textContent = state.status === 'PENDING' ? 'Очередь пуста: всё проверено.' : 'Ничего не найдено.';
        updateSelection();
        var idle = !document.activeElement || document.activeElement === document.body || document.activeElement.id === 'main';
        if (reset && state.items.size && idle) {
          focusItem(queue.firstElementChild);
        }
      })
      .catch(function (e) {
        if (!e || e.status !== 401) networkError();
      })
      .then(function () {
        state.loading = false;
        queue.removeAttribute('aria-busy');
      });
  }

  function problemText(res) {
    var j = res.json;
    var v = (j.violations || []).map(function (x) { return x.message; }).join(' ');
    return v || j.detail || 'ошибка ' + res.status;
  }

  function itemNode(item) {
    var id = item.id;
    var v = item.verdict;
    var body = el('div', { class: 'item-body', 'data-queue-body': true });
    cmHighlight.render(body, item.body || '', v && v.matches, describe);
    var reason = el('input', { class: 'reason', name: 'reason', type: 'text', maxlength: 1000, 'aria-label': 'Причина решения для комментария ' + id, placeholder: 'Причина (необязательно)' });
    var approve = el('button', { type: 'button', class: 'btn btn-approve', 'data-approve': true, text: 'Одобрить', 'aria-keyshortcuts': 'a', hidden: item.status === 'APPROVED' });
    var reject = el('button', { type: 'button', class: 'btn btn-reject', 'data-reject': true, text: 'Отклонить', 'aria-keyshortcuts': 'r', hidden: item.status === 'REJECTED' });
    var history = el('button', { type: 'button', class: 'btn btn-quiet', 'data-audit': true, text: 'История', 'aria-keyshortcuts': 'h' });
    var ban = el('button', { type: 'button', class: 'btn btn-quiet', 'data-ban-author': true, text: 'Забанить автора' });
    var only = el('button', { type: 'button', class: 'link', 'data-filter-article': true, text: item.articleId, title: 'Показать только эту статью' });
    var box = el('input', { type: 'checkbox', 'data-select': true, 'aria-label': 'Выбрать комментарий ' + id });
    var node = el('article', { class: 'item', 'data-queue-item': id, 'data-status': item.status, tabindex: -1, 'aria-labelledby': 'item-' + id + '-head' },
      el('div', { class: 'item-head', id: 'item-' + id + '-head' },
        box,
        el('span', { class: 'item-id', text: '#' + id }),
        el('span', { class: 'status status-' + String(item.status).toLowerCase(), text: label(STATUS, item.status) }),
        el('span', { class: 'author', text: item.authorName }),
        item.authorEmail ? el('span', { class: 'email', text: item.authorEmail }) : el('span', { class: 'email muted', text: 'без e-mail' }),
        time(item.createdAt)),
      el('div', { class: 'item-meta' }, 'Статья: ', only,
        item.parentId ? el('span', { class: 'muted', text: ' · ответ на #' + item.parentId }) : null,
        ' · ', verdictLine(v)),
      body,
      matchList(v && v.matches),
      el('div', { class: 'item-actions' }, reason, approve, reject, history, ban),
      el('p', { class: 'item-note', 'data-item-note': true, role: 'status', hidden: true }));
    approve.addEventListener('click', function () { decide(id, 'approve'); });
    reject.addEventListener('click', function () { decide(id, 'reject'); });
    history.addEventListener('click', function () { openAudit(id, history); });
    ban.addEventListener('click', function () { banAuthor(item, ban); });
    only.addEventListener('click', function () {
      $('#filter-article').value = item.articleId;
      applyFilters();
    });
    box.addEventListener('change', function () { select(id, box.checked); });
    node.addEventListener('focusin', function () { markCurrent(id); });
    return node;
  }

  function markCurrent(id) {
    if (state.current === id) return;
    var old = state.items.get(state.current);
    if (old) old.el.classList.remove('is-current');
    state.current = id;
    var now = state.items.get(id);
    if (now) now.el.classList.add('is-current');
  }

  function focusItem(node) {
    if (!node) return;
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: 'nearest' });
    markCurrent(node.getAttribute('data-queue-item'));
  }

  function items() {
    return Array.prototype.slice.call(queue.querySelectorAll('[data-queue-item]'));
  }

  function currentNode() {
    var active = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-queue-item]');
    if (active) return active;
    var c = state.items.get(state.current);
    return c ? c.el : queue.firstElementChild;
  }

  function remove(id) {
    var entry = state.items.get(id);
    if (!entry) return;
    var list = items();
    var at = list.indexOf(entry.el);
    var hadFocus = entry.el.contains(document.activeElement) || state.current === id;
    entry.el.remove();
    state.items.delete(id);
    state.selected.delete(id);
    if (state.current === id) state.current = null;
    updateSelection();
    empty.hidden = state.items.size > 0;
    if (hadFocus) {
      var rest = items();
      focusItem(rest[Math.min(at, rest.length - 1)] || null);
      if (!rest.length) $('#main').focus();
    }
    if (!state.items.size && state.cursor) load(false);
  }

  // ---------- decisions
  /** Resolves to done | stale | gone | forbidden | invalid | error. */
  function decide(id, action, quiet) {
    var entry = state.items.get(id);
    if (!entry || entry.busy || entry.stale) return Promise.resolve('skipped');
    entry.busy = true;
    entry.el.setAttribute('aria-busy', 'true');
    var reason = $('[name=reason]', entry.el).value.trim();
    var body = { version: entry.data.version };
    if (reason) body.reason = reason;
    return authed('POST', 'moderation/comments/' + encodeURIComponent(id) + '/' + action, body)
      .then(function (res) {
        if (res.status === 200) {
          if (!quiet) say('Комментарий #' + id + ' ' + DONE[action] + '.', 'success');
          if (res.json.status !== state.status) remove(id);
          else replace(id, res.json);
          return 'done';
        }
        if (res.status === 409 || res.status === 404) {
          stale(entry, res);
          return res.status === 409 ? 'stale' : 'gone';
        }
        var text = problemText(res);
        if (!quiet) say('Комментарий #' + id + ': ' + text, 'error');
        return res.status === 403 ? 'forbidden' : res.status === 400 ? 'invalid' : 'error';
      })
      .catch(function (e) {
        if (!e || e.status !== 401) {
          if (!quiet) networkError();
          return 'error';
        }
        return 'unauthorized';
      })
      .then(function (outcome) {
        entry.busy = false;
        entry.el.removeAttribute('aria-busy');
        return outcome;
      });
  }

  function replace(id, data) {
    var entry = state.items.get(id);
    var node = itemNode(data);
    entry.el.replaceWith(node);
    entry.el = node;
    entry.data = data;
    if (state.selected.has(id)) $('[data-select]', node).checked = true;
    focusItem(node);
  }

  /**
   * Someone decided first (409) or the comment is gone (404). The card stays, greyed out and with
   * an explanation and the latest audit entry, until the moderator dismisses it or refreshes:
   * their decision was not applied and they should see why rather than have the card vanish.
   */
  function stale(entry, res, seenLive) {
    var id = entry.data.id;
    entry.stale = true;
    state.selected.delete(id);
    updateSelection();
    entry.el.classList.add('is-stale');
    entry.el.setAttribute('data-stale', res.status === 409 ? 'conflict' : 'gone');
    entry.el.querySelectorAll('[data-approve],[data-reject],[data-select],[name=reason]').forEach(function (b) {
      b.disabled = true;
    });
    var note = $('[data-item-note]', entry.el);
    var dismiss = el('button', { type: 'button', class: 'btn btn-quiet', 'data-dismiss': true, text: 'Убрать из списка' });
    dismiss.addEventListener('click', function () { remove(id); });
    var what = seenLive
      ? 'Пока карточка была открыта, решение по комментарию принял другой модератор.'
      : res.status === 409
        ? 'Ваше решение не применено: другой модератор уже принял решение по этому комментарию.'
        : 'Ваше решение не применено: комментарий не найден (возможно, удалён).';
    var latest = el('span', { 'data-latest': true });
    note.replaceChildren(el('strong', { text: what }), ' ', latest, ' ', dismiss);
    note.hidden = false;
    // also when the news came live: the moderator was about to decide this one and should hear why it stopped
    say('Комментарий #' + id + ': ' + what + ' Карточка оставлена в списке — см. пояснение.', 'warn');
    if (res.status === 409) {
      authed('GET', 'moderation/audit?commentId=' + encodeURIComponent(id)).then(function (a) {
        var last = (a.json.items || []).filter(function (x) { return x.action !== 'SUBMITTED'; }).pop();
        if (last) {
          latest.replaceChildren('Сейчас: ' + label(STATUS, last.toStatus) + ' — ' + last.actor + ', ', time(last.at),
            last.reason ? ' («' + last.reason + '»)' : '', '.');
        }
      }).catch(function () { /* the explanation above stands on its own */ });
    }
    if (!seenLive || entry.el.contains(document.activeElement)) dismiss.focus();
  }

  // ---------- selection and bulk decisions
  function select(id, on) {
    var entry = state.items.get(id);
    if (!entry || entry.stale) return;
    if (on) state.selected.add(id);
    else state.selected.delete(id);
    $('[data-select]', entry.el).checked = on;
    entry.el.classList.toggle('is-selected', on);
    updateSelection();
  }

  var selectAll = $('[data-select-all]');
  function updateSelection() {
    var n = state.selected.size;
    var open = Array.from(state.items.values()).filter(function (e) { return !e.stale; }).length;
    $('[data-selected-count]').textContent = n ? 'Выбрано: ' + n : 'Ничего не выбрано';
    document.querySelectorAll('[data-bulk]').forEach(function (b) { b.disabled = n === 0; });
    selectAll.checked = n > 0 && n === open;
    selectAll.indeterminate = n > 0 && n < open;
  }
  selectAll.addEventListener('change', function () {
    var on = selectAll.checked;
    state.items.forEach(function (entry, id) { select(id, on); });
  });

  // One request per comment for now; a bulk endpoint can replace the loop without UI changes.
  function bulk(action) {
    var ids = Array.from(state.selected);
    if (!ids.length) return;
    var counts = {};
    document.querySelectorAll('[data-bulk]').forEach(function (b) { b.disabled = true; });
    say((action === 'approve' ? 'Одобряю' : 'Отклоняю') + ' выбранные: ' + ids.length + '…', 'info');
    return ids.reduce(function (p, id) {
      return p.then(function () {
        return decide(id, action, true).then(function (outcome) {
          counts[outcome] = (counts[outcome] || 0) + 1;
        });
      });
    }, Promise.resolve()).then(function () {
      var parts = [(action === 'approve' ? 'Одобрено' : 'Отклонено') + ': ' + (counts.done || 0)];
      if (counts.stale) parts.push('уже решены другими: ' + counts.stale);
      if (counts.gone) parts.push('не найдены: ' + counts.gone);
      if (counts.forbidden) parts.push('нет прав: ' + counts.forbidden);
      if (counts.error || counts.invalid) parts.push('ошибки: ' + ((counts.error || 0) + (counts.invalid || 0)));
      say(parts.join('; ') + '.', parts.length > 1 ? 'warn' : 'success');
      updateSelection();
    });
  }
  document.querySelectorAll('[data-bulk]').forEach(function (b) {
    b.addEventListener('click', function () { bulk(b.getAttribute('data-bulk')); });
  });

  // ---------- filters
  var filters = $('[data-filters]');
  function applyFilters() {
    var article = filters.articleId.value.trim();
    if (article && !/^[A-Za-z0-9._:-]{1,128}$/.test(article)) {
      say('Идентификатор статьи: латинские буквы, цифры и . - _ :, до 128 символов.', 'error');
      filters.articleId.setAttribute('aria-invalid', 'true');
      filters.articleId.focus();
      return;
    }
    filters.articleId.removeAttribute('aria-invalid');
    state.status = filters.status.value;
    state.articleId = article;
    load(true);
  }
  filters.addEventListener('submit', function (e) {
    e.preventDefault();
    applyFilters();
  });
  $('[data-refresh]').addEventListener('click', function () { load(true); });
  more.addEventListener('click', function () { load(false); });

  var keys = $('#keys');
  var keysToggle = $('[data-keys-toggle]');
  function toggleKeys() {
    keys.hidden = !keys.hidden;
    keysToggle.setAttribute('aria-expanded', String(!keys.hidden));
  }
  keysToggle.addEventListener('click', toggleKeys);

  // ---------- keyboard
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !state.auth || current !== 'queue') return;
    if (dialog.open) return;
    var t = e.target;
    if (t.closest && t.closest('textarea, select, [contenteditable], input:not([type=checkbox])')) return;
    var node = currentNode();
    var id = node && node.getAttribute('data-queue-item');
    var list = items();
    switch (e.key) {
      case 'j':
      case 'k':
        if (!list.length) return;
        // the first press lands on the current item itself when no item has focus yet
        var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-queue-item]');
        var at = list.indexOf(focused) + (e.key === 'j' ? 1 : -1);
        focusItem(focused ? list[Math.max(0, Math.min(list.length - 1, at))] : node);
        break;
      case 'a':
        if (id) decide(id, 'approve');
        break;
      case 'r':
        if (id) decide(id, 'reject');
        break;
      case 'x':
        if (id) select(id, !state.selected.has(id));
        break;
      case 'h':
        if (id) openAudit(id, node);
        break;
      case 'u':
        load(true);
        break;
      case '/':
        filters.articleId.focus();
        break;
      case '?':
        toggleKeys();
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  // ---------- live updates
  // Server-sent events from GET /api/moderation/stream, where the service offers them (a 404
  // leaves the dashboard manual). EventSource cannot send an Authorization header, so the stream
  // is read with fetch and parsed here.
  var live = { abort: null, retry: 2000, fresh: 0 };
  var liveBadge = $('[data-live]');

  function connectLive() {
    if (!state.auth || live.abort || live.absent) return;
    var ctrl = new AbortController();
    live.abort = ctrl;
    fetch(API + 'moderation/stream', {
      headers: { Accept: 'text/event-stream', Authorization: 'Basic ' + state.auth, 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'omit', cache: 'no-store', signal: ctrl.signal
    }).then(function (res) {
      if (res.status === 404 || res.status === 405) {
        live.absent = true;
        return;
      }
      if (!res.ok || !res.body) throw new Error('stream answered ' + res.status);
      live.retry = 2000;
      showLive();
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error('stream closed');
          buffer += decoder.decode(chunk.value, { stream: true });
          var frames = buffer.split(/\r?\n\r?\n/);
          buffer = frames.pop();
          frames.forEach(liveFrame);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      liveBadge.hidden = true;
      if (live.abort !== ctrl || ctrl.signal.aborted || !state.auth) return;
      live.abort = null;
      setTimeout(connectLive, live.retry);
      live.retry = Math.min(live.retry * 2, 60000);
    }).then(function () {
      if (live.absent) live.abort = null;
    });
  }

  function disconnectLive() {
    if (live.abort) live.abort.abort();
    live.abort = null;
    live.fresh = 0;
    liveBadge.hidden = true;
  }

  function showLive() {
    liveBadge.hidden = false;
    liveBadge.textContent = '● Обновляется сама' + (live.fresh ? ' · новых: ' + live.fresh : '');
  }

  function liveFrame(text) {
    var name = 'message';
    var data = [];
    text.split(/\r?\n/).forEach(function (line) {
      if (line.indexOf('event:') === 0) name = line.slice(6).trim();
      else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (!data.length) return;
    try {
      onLive(name, JSON.parse(data.join('\n')));
    } catch (e) {
      /* a frame we cannot read is skipped; the next refresh shows the truth */
    }
  }

  function onLive(name, p) {
    var item = name === 'held' ? p : name === 'reported' ? p.item : null;
    if (item && item.id) {
      var fits = state.status === item.status && (!state.articleId || state.articleId === item.articleId);
      // with more pages still on the server the item arrives with them, in its place
      if (!fits || state.items.has(item.id) || state.cursor) return;
      var node = itemNode(item);
      state.items.set(item.id, { data: item, el: node });
      queue.append(node);
      empty.hidden = true;
      live.fresh++;
      showLive();
      updateSelection();
      return;
    }
    if (name === 'decided') {
      var entry = state.items.get(p.id);
      if (!entry || entry.busy || entry.stale || p.version <= entry.data.version) return;
      // A card the moderator is working on stays, explained; any other one leaves with a note.
      if (entry.el.contains(document.activeElement) || state.selected.has(p.id)) {
        stale(entry, { status: 409, json: {} }, true);
        return;
      }
      remove(p.id);
      say('Комментарий #' + p.id + ': решение принял другой модератор' + (p.actor ? ' (' + p.actor + ')' : '') +
        (p.to ? ' — ' + label(STATUS, p.to) : '') + '.', 'info');
    }
  }

  // ---------- audit
  var dialog = $('[data-audit-dialog]');
  var opener = null;
  function openAudit(id, from) {
    opener = from;
    $('[data-audit-title]').textContent = 'История решений: комментарий #' + id;
    var body = $('[data-audit-body]');
    body.replaceChildren(el('p', { class: 'muted', text: 'Загрузка…' }));
    dialog.showModal();
    authed('GET', 'moderation/audit?commentId=' + encodeURIComponent(id))
      .then(function (res) {
        if (res.status !== 200) {
          body.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
          return;
        }
        var rows = res.json.items || [];
        if (!rows.length) {
          body.replaceChildren(el('p', { class: 'muted', text: 'Записей нет.' }));
          return;
        }
        body.replaceChildren(el('table', { class: 'audit-table', 'data-audit-table': true },
          el('thead', null, el('tr', null, ['Когда', 'Кто', 'Действие', 'Статус', 'Причина'].map(function (h) {
            return el('th', { scope: 'col', text: h });
          }))),
          el('tbody', null, rows.map(function (r) {
            return el('tr', null,
              el('td', null, time(r.at)),
              el('td', { text: r.actor }),
              el('td', { text: label(AUDIT, r.action) }),
              el('td', { text: (r.fromStatus ? label(STATUS, r.fromStatus) + ' → ' : '') + label(STATUS, r.toStatus) }),
              el('td', { text: r.reason ? label(CATEGORY, r.reason) : '' }));
          }))));
      })
      .catch(function (e) {
        if (e && e.status === 401) dialog.close();
        else body.replaceChildren(el('p', { class: 'error', text: 'Нет связи с сервером.' }));
      });
  }
  $('[data-audit-close]').addEventListener('click', function () { dialog.close(); });
  dialog.addEventListener('close', function () {
    if (opener && document.contains(opener)) opener.focus();
  });

  // ---------- dry run
  var check = $('[data-check-form]');
  var result = $('[data-check-result]');
  check.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = check.body.value;
    if (!text.trim()) {
      check.body.focus();
      return;
    }
    var payload = { body: text };
    if (check.articleId.value.trim()) payload.articleId = check.articleId.value.trim();
    result.replaceChildren(el('p', { class: 'muted', text: 'Проверяю…' }));
    authed('POST', 'moderation/check', payload)
      .then(function (res) {
        if (res.status !== 200) {
          result.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
          return;
        }
        var v = res.json;
        var shown = el('div', { class: 'item-body', 'data-check-body': true });
        cmHighlight.render(shown, text, v.matches, describe);
        result.replaceChildren(
          el('p', { 'data-check-decision': v.decision }, verdictLine(v)),
          shown,
          matchList(v.matches));
      })
      .catch(function (e) {
        if (!e || e.status !== 401) result.replaceChildren(el('p', { class: 'error', text: 'Нет связи с сервером.' }));
      });
  });

  // ---------- admin screens: rules, stats, sanctions, articles, accounts
  // Whether the user is an admin is learnt by asking for the accounts (200 admin, 403 moderator);
  // the server checks every call anyway, this only hides what would be refused.
  state.admin = false;
  function probeAdmin() {
    return authed('GET', 'moderation/accounts').then(function (res) {
      setAdmin(res.status === 200);
      if (res.status === 200) renderAccounts(res.json.items || []);
    }).catch(function () { /* stays a moderator's view */ });
  }
  function setAdmin(on) {
    state.admin = on;
    document.querySelectorAll('[data-admin-only]').forEach(function (n) { n.hidden = !on; });
    document.body.setAttribute('data-role', on ? 'admin' : 'moderator');
  }
  function resetAdminScreens() {
    setAdmin(false);
    ['[data-stats]', '[data-sanctions]', '[data-articles]', '[data-accounts]', '[data-backtest-changes]', '[data-rules-violations]']
      .forEach(function (sel) { $(sel).replaceChildren(); });
    $('[data-backtest-summary]').hidden = true;
    $('[data-rules-violations]').hidden = true;
    rulesEditor.value = '';
    rulesLoaded = false;
  }
  function busyText(box, text) {
    box.replaceChildren(el('p', { class: 'muted', text: text || 'Загрузка…' }));
  }
  function failed(box) {
    return function (e) {
      if (!e || e.status !== 401) box.replaceChildren(el('p', { class: 'error', text: 'Нет связи с сервером.' }));
    };
  }
  function table(hook, heads, rows) {
    var attrs = { class: 'data-table' };
    if (hook) attrs[hook] = true;
    return el('table', attrs,
      el('thead', null, el('tr', null, heads.map(function (h) { return el('th', { scope: 'col', text: h }); }))),
      el('tbody', null, rows));
  }
  function duration(seconds) {
    if (seconds == null || isNaN(seconds)) return '—';
    var s = Math.round(Number(seconds));
    if (s < 60) return s + ' с';
    var m = Math.round(s / 60);
    if (m < 60) return m + ' мин';
    var h = Math.floor(m / 60);
    if (h < 48) return h + ' ч ' + (m % 60) + ' мин';
    return Math.floor(h / 24) + ' дн ' + (h % 24) + ' ч';
  }
  function field(form, name) {
    var v = form.elements[name].value.trim();
    return v || null;
  }
  function markViolations(form, res) {
    form.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
    (res.json.violations || []).forEach(function (v) {
      var name = String(v.field || '').split('.').pop();
      var input = form.elements[name];
      if (input && input.setAttribute) input.setAttribute('aria-invalid', 'true');
    });
  }

  // ----- rules
  var rulesEditor = $('[data-rules-editor]');
  var rulesViolations = $('[data-rules-violations]');
  var backtestSummary = $('[data-backtest-summary]');
  var backtestChanges = $('[data-backtest-changes]');
  var rulesLoaded = false;
  function loadRules(force) {
    if (rulesLoaded && !force) return;
    rulesEditor.setAttribute('aria-busy', 'true');
    authed('GET', 'moderation/rules').then(function (res) {
      if (res.status !== 200) {
        say('Правила не загрузились: ' + problemText(res), 'error');
        return;
      }
      rulesLoaded = true;
      rulesEditor.value = res.json.source || '';
      rulesEditor.removeAttribute('aria-invalid');
      rulesViolations.hidden = true;
      $('[data-rules-version]').textContent = 'Действующий набор правил: версия ' + (res.json.version || '—') + '.';
      $('[data-rules-version]').setAttribute('data-version', res.json.version || '');
    }).catch(function (e) {
      if (!e || e.status !== 401) networkError();
    }).then(function () {
      rulesEditor.removeAttribute('aria-busy');
    });
  }
  LOADERS.rules = function () { loadRules(false); };
  $('[data-rules-reload]').addEventListener('click', function () { loadRules(true); });

  function showViolations(res) {
    var list = res.json.violations || [];
    if (!list.length) list = [{ message: problemText(res) }];
    rulesEditor.setAttribute('aria-invalid', 'true');
    rulesViolations.replaceChildren(
      el('p', { class: 'error', text: 'Набор правил не загружается (' + list.length + '):' }),
      el('ul', { class: 'violation-list' }, list.map(function (v) {
        var m = /line (\d+)/i.exec(v.message || '');
        var item = el('li', { 'data-violation': true, 'data-line': m ? m[1] : null });
        if (m) {
          var go = el('button', { type: 'button', class: 'link', text: 'строка ' + m[1] });
          go.addEventListener('click', function () { gotoLine(Number(m[1])); });
          item.append(go, ': ');
        }
        item.append(v.message || '');
        return item;
      })));
    rulesViolations.hidden = false;
  }
  function gotoLine(n) {
    var lines = rulesEditor.value.split('\n');
    var start = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
    var end = start + (lines[n - 1] || '').length;
    rulesEditor.focus();
    rulesEditor.setSelectionRange(start, end);
    var lineHeight = rulesEditor.scrollHeight / Math.max(lines.length, 1);
    rulesEditor.scrollTop = Math.max(0, (n - 3) * lineHeight);
  }
  function clearViolations() {
    rulesEditor.removeAttribute('aria-invalid');
    rulesViolations.hidden = true;
    rulesViolations.replaceChildren();
  }

  var backtestButton = $('[data-rules-backtest]');
  backtestButton.addEventListener('click', function () {
    var text = rulesEditor.value;
    if (!text.trim()) {
      rulesEditor.focus();
      return;
    }
    backtestButton.disabled = true;
    backtestSummary.hidden = true;
    busyText(backtestChanges, 'Прогоняю правила по сохранённым комментариям…');
    authed('POST', 'moderation/rules/backtest', { rules: text }).then(function (res) {
      if (res.status === 400) {
        backtestChanges.replaceChildren();
        showViolations(res);
        return;
      }
      if (res.status !== 200) {
        backtestChanges.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      clearViolations();
      renderBacktest(res.json);
    }).catch(failed(backtestChanges)).then(function () {
      backtestButton.disabled = false;
    });
  });

  function renderBacktest(r) {
    var s = r.summary || {};
    var transitions = Object.keys(s.transitions || {}).map(function (k) {
      var parts = k.split('->');
      return el('li', { 'data-transition': k },
        label(DECISION, parts[0]) + ' → ' + label(DECISION, parts[1]) + ': ' + s.transitions[k]);
    });
    backtestSummary.replaceChildren(
      el('h3', { text: 'Итог проверки на истории' }),
      el('dl', { class: 'summary' },
        el('div', null, el('dt', { text: 'Версия кандидата' }), el('dd', { text: r.candidateVersion || '—' })),
        el('div', null, el('dt', { text: 'Проверено комментариев' }), el('dd', { 'data-evaluated': true, text: String(r.evaluated || 0) })),
        el('div', null, el('dt', { text: 'Решение изменится' }), el('dd', { 'data-changed-count': true, text: String(s.changed || 0) })),
        el('div', null, el('dt', { text: 'Решено модераторами' }), el('dd', { text: String(s.moderatorDecided || 0) })),
        el('div', null, el('dt', { text: 'Согласуется с модераторами' }), el('dd', { text: String(s.agreesWithModerator || 0) })),
        el('div', { class: s.contradictsModerator ? 'bad' : null }, el('dt', { text: 'Противоречит модераторам' }), el('dd', { 'data-contradicts-count': true, text: String(s.contradictsModerator || 0) }))),
      el('ul', { class: 'transitions', hidden: !transitions.length }, transitions));
    backtestSummary.hidden = false;
    var changed = r.changed || [];
    if (!changed.length) {
      backtestChanges.replaceChildren(el('p', { class: 'muted', text: 'Ни одно решение не изменится.' }));
      return;
    }
    backtestChanges.replaceChildren(table('data-backtest-table', ['Комментарий', 'Было → станет', 'Модератор', 'Правила', ''],
      changed.map(function (c) {
        var open = el('button', { type: 'button', class: 'link', text: '#' + c.id, title: 'История решений' });
        open.addEventListener('click', function () { openAudit(c.id, open); });
        return el('tr', { 'data-backtest-row': c.id, class: c.contradictsModerator ? 'row-bad' : null },
          el('td', null, open),
          el('td', null,
            el('span', { class: 'decision decision-' + String(c.before).toLowerCase(), text: label(DECISION, c.before) }), ' → ',
            el('span', { class: 'decision decision-' + String(c.after).toLowerCase(), text: label(DECISION, c.after) })),
          el('td', { text: c.moderatorStatus ? label(STATUS, c.moderatorStatus) : '—' }),
          el('td', { class: 'small', text: (c.rules || []).join(', ') }),
          el('td', null, c.contradictsModerator ? el('strong', { class: 'error', 'data-contradicts': true, text: 'противоречит модератору' }) : null));
      })));
  }

  var publishButton = $('[data-rules-publish]');
  publishButton.addEventListener('click', function () {
    var text = rulesEditor.value;
    if (!text.trim()) return;
    if (!window.confirm('Опубликовать этот набор правил? Он сразу начнёт действовать для новых комментариев.')) return;
    publishButton.disabled = true;
    authed('PUT', 'moderation/rules', { rules: text }).then(function (res) {
      if (res.status === 200) {
        clearViolations();
        rulesEditor.value = res.json.source || text;
        $('[data-rules-version]').textContent = 'Действующий набор правил: версия ' + (res.json.version || '—') + '.';
        $('[data-rules-version]').setAttribute('data-version', res.json.version || '');
        say('Правила опубликованы: версия ' + (res.json.version || '—') + '.', 'success');
      } else if (res.status === 400) {
        showViolations(res);
        say('Правила не опубликованы: исправьте ошибки рядом с редактором.', 'error');
      } else {
        say('Правила не опубликованы: ' + problemText(res), 'error');
      }
    }).catch(function (e) {
      if (!e || e.status !== 401) networkError();
    }).then(function () {
      publishButton.disabled = false;
    });
  });

  // ----- stats
  var statsBox = $('[data-stats]');
  var statsForm = $('[data-stats-form]');
  function loadStats() {
    var days = parseInt(statsForm.days.value, 10) || 30;
    busyText(statsBox);
    authed('GET', 'moderation/stats?days=' + encodeURIComponent(days)).then(function (res) {
      if (res.status !== 200) {
        statsBox.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      var r = res.json;
      var rules = r.rules || [];
      statsBox.replaceChildren(
        el('dl', { class: 'summary', 'data-stats-summary': true },
          el('div', null, el('dt', { text: 'В очереди' }), el('dd', { 'data-queue-depth': true, text: String(r.queueDepth || 0) })),
          el('div', null, el('dt', { text: 'Самый старый ждёт' }), el('dd', null,
            r.oldestPendingAt ? [duration(r.oldestPendingAgeSeconds), ' (с ', time(r.oldestPendingAt), ')'] : '—')),
          el('div', null, el('dt', { text: 'Решений за ' + r.days + ' дн.' }), el('dd', { text: String(r.decided || 0) })),
          el('div', null, el('dt', { text: 'Медиана до решения' }), el('dd', { text: duration(r.medianSecondsToDecision) }))),
        rules.length
          ? table('data-stats-rules', ['Правило', 'Версия набора', 'Задержано', 'Отклонено', 'Решено', 'Отменено', 'Точность'],
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
          : el('p', { class: 'muted', text: 'За этот период правила ничего не задерживали.' }));
    }).catch(failed(statsBox));
  }
  LOADERS.stats = loadStats;
  statsForm.addEventListener('submit', function (e) {
    e.preventDefault();
    loadStats();
  });

  // ----- sanctions
  var KIND = { BAN: 'бан', PREMODERATE: 'на проверку', TRUST: 'доверие' };
  var sanctionsBox = $('[data-sanctions]');
  var sanctionForm = $('[data-sanction-form]');
  var sanctionsAll = $('[data-sanctions-all]');
  function loadSanctions() {
    busyText(sanctionsBox);
    authed('GET', 'moderation/sanctions' + (sanctionsAll.checked ? '?all=true' : '')).then(function (res) {
      if (res.status !== 200) {
        sanctionsBox.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      var list = res.json.items || [];
      if (!list.length) {
        sanctionsBox.replaceChildren(el('p', { class: 'empty muted', text: 'Санкций нет.' }));
        return;
      }
      sanctionsBox.replaceChildren(table('data-sanctions-table', ['№', 'Вид', 'Кому', 'До', 'Причина', 'Кто ввёл', ''],
        list.map(function (x) {
          var who = [];
          if (x.authorName) who.push(el('span', { class: 'author', text: x.authorName }), ' ');
          if (x.authorEmail) who.push(el('span', { class: 'email', text: x.authorEmail }), ' ');
          if (x.emailDomain) who.push(el('span', { class: 'email', text: '@' + x.emailDomain }), ' ');
          if (x.byClient) who.push(el('span', { class: 'muted small', text: '(и по устройству)' }));
          var lift = null;
          if (!x.liftedAt) {
            lift = el('button', { type: 'button', class: 'btn btn-quiet', 'data-sanction-lift': true, text: 'Снять' });
            lift.addEventListener('click', function () { liftSanction(x, lift); });
          }
          return el('tr', { 'data-sanction': x.id, 'data-kind': x.kind, 'data-lifted': x.liftedAt ? 'true' : null },
            el('td', { class: 'item-id', text: x.id }),
            el('td', null, el('span', { class: 'tag tag-' + (x.kind === 'BAN' ? 'reject' : x.kind === 'TRUST' ? 'flag' : 'hold'), text: label(KIND, x.kind) })),
            el('td', null, who),
            el('td', null, x.until ? time(x.until) : 'бессрочно'),
            el('td', { text: x.reason || '' }),
            el('td', null, x.createdBy || '', x.createdAt ? [', ', time(x.createdAt)] : null),
            el('td', null, x.liftedAt ? el('span', { class: 'muted small' }, 'снята ' + (x.liftedBy || ''), ', ', time(x.liftedAt)) : lift));
        })));
    }).catch(failed(sanctionsBox));
  }
  LOADERS.sanctions = loadSanctions;
  sanctionsAll.addEventListener('change', loadSanctions);

  function imposeSanction(payload) {
    return authed('POST', 'moderation/sanctions', payload);
  }
  sanctionForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var target = {};
    ['authorEmail', 'emailDomain', 'authorName', 'commentId'].forEach(function (n) {
      var v = field(sanctionForm, n);
      if (v) target[n] = v;
    });
    var reason = field(sanctionForm, 'reason');
    if (!target.authorEmail && !target.emailDomain && !target.commentId) {
      say('Укажите e-mail, домен или номер комментария.', 'error');
      sanctionForm.authorEmail.focus();
      return;
    }
    if (!reason) {
      say('Укажите причину санкции.', 'error');
      sanctionForm.reason.setAttribute('aria-invalid', 'true');
      sanctionForm.reason.focus();
      return;
    }
    var payload = { kind: sanctionForm.kind.value, target: target, reason: reason };
    var until = sanctionForm.until.value;
    if (until) {
      var d = new Date(until);
      if (isNaN(d)) {
        say('Не удалось прочитать дату окончания.', 'error');
        return;
      }
      payload.until = d.toISOString();
    }
    var button = $('button[type=submit]', sanctionForm);
    button.disabled = true;
    imposeSanction(payload).then(function (res) {
      markViolations(sanctionForm, res);
      if (res.status === 201 || res.status === 200) {
        sanctionForm.reset();
        say('Санкция №' + res.json.id + ' введена: ' + label(KIND, res.json.kind) + '.', 'success');
        loadSanctions();
      } else {
        say('Санкция не введена: ' + problemText(res), 'error');
      }
    }).catch(function (e) {
      if (!e || e.status !== 401) networkError();
    }).then(function () {
      button.disabled = false;
    });
  });

  function liftSanction(x, button) {
    button.disabled = true;
    authed('DELETE', 'moderation/sanctions/' + encodeURIComponent(x.id)).then(function (res) {
      if (res.status === 200) {
        say('Санкция №' + x.id + ' снята.', 'success');
        loadSanctions();
      } else {
        button.disabled = false;
        say('Санкция не снята: ' + problemText(res), 'error');
      }
    }).catch(function (e) {
      button.disabled = false;
      if (!e || e.status !== 401) networkError();
    });
  }

  function banAuthor(item, button) {
    var who = (item.authorName || 'автор') + (item.authorEmail ? ' <' + item.authorEmail + '>' : '');
    if (!window.confirm('Забанить автора комментария #' + item.id + ' (' + who + ')? Новые комментарии этого автора будут отклоняться.')) return;
    var reason = $('[name=reason]', state.items.has(item.id) ? state.items.get(item.id).el : document).value.trim();
    button.disabled = true;
    imposeSanction({ kind: 'BAN', target: { commentId: String(item.id) }, reason: reason || 'бан из очереди, комментарий #' + item.id })
      .then(function (res) {
        if (res.status === 201 || res.status === 200) {
          say('Автор комментария #' + item.id + ' забанен (санкция №' + res.json.id + ').', 'success');
          button.textContent = 'Автор забанен';
          button.setAttribute('data-banned', 'true');
        } else {
          button.disabled = false;
          say('Бан не введён: ' + problemText(res), 'error');
        }
      }).catch(function (e) {
        button.disabled = false;
        if (!e || e.status !== 401) networkError();
      });
  }

  // ----- articles
  var articlesBox = $('[data-articles]');
  function loadArticles() {
    $('[data-articles-note]').textContent = state.admin
      ? 'Настройки применяются сразу. Порог жалоб пустой — значение по умолчанию.'
      : 'Настройки статей меняют администраторы.';
    busyText(articlesBox);
    authed('GET', 'moderation/articles?limit=200').then(function (res) {
      if (res.status !== 200) {
        articlesBox.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      var list = res.json.items || [];
      if (!list.length) {
        articlesBox.replaceChildren(el('p', { class: 'empty muted', text: 'Статей с комментариями пока нет.' }));
        return;
      }
      articlesBox.replaceChildren(table('data-articles-table',
        ['Статья', 'Всего', 'На проверке', 'Одобрено', 'Отклонено', 'Последний', 'Комментарии открыты', 'Премодерация', 'Порог жалоб', ''],
        list.map(articleRow)));
    }).catch(failed(articlesBox));
  }
  LOADERS.articles = loadArticles;

  function articleRow(a) {
    var id = a.articleId;
    var ro = !state.admin;
    var open = el('input', { type: 'checkbox', name: 'commentsOpen', 'aria-label': 'Комментарии открыты: ' + id, disabled: ro });
    open.checked = !!a.commentsOpen;
    var pre = el('input', { type: 'checkbox', name: 'premoderated', 'aria-label': 'Премодерация: ' + id, disabled: ro });
    pre.checked = !!a.premoderated;
    var threshold = el('input', { type: 'number', name: 'reportThreshold', min: 1, max: 1000, class: 'narrow', placeholder: 'по умолч.', 'aria-label': 'Порог жалоб: ' + id, disabled: ro });
    threshold.value = a.reportThreshold == null ? '' : String(a.reportThreshold);
    var save = state.admin ? el('button', { type: 'button', class: 'btn btn-quiet', 'data-article-save': true, text: 'Сохранить' }) : null;
    var filter = el('button', { type: 'button', class: 'link', text: id, title: 'Показать очередь этой статьи' });
    filter.addEventListener('click', function () {
      $('#filter-article').value = id;
      show('queue');
      applyFilters();
    });
    var row = el('tr', { 'data-article': id, 'data-comments-open': String(!!a.commentsOpen), 'data-premoderated': String(!!a.premoderated) },
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
        var t = threshold.value.trim();
        var n = t ? parseInt(t, 10) : null;
        if (t && (!(n >= 1 && n <= 1000) || String(n) !== t)) {
          threshold.setAttribute('aria-invalid', 'true');
          say('Порог жалоб: целое число от 1 до 1000 или пусто.', 'error');
          threshold.focus();
          return;
        }
        threshold.removeAttribute('aria-invalid');
        save.disabled = true;
        authed('PUT', 'moderation/articles/' + encodeURIComponent(id),
          { commentsOpen: open.checked, premoderated: pre.checked, reportThreshold: n })
          .then(function (res) {
            if (res.status === 200) {
              row.setAttribute('data-comments-open', String(!!res.json.commentsOpen));
              row.setAttribute('data-premoderated', String(!!res.json.premoderated));
              row.setAttribute('data-saved', 'true');
              open.checked = !!res.json.commentsOpen;
              pre.checked = !!res.json.premoderated;
              threshold.value = res.json.reportThreshold == null ? '' : String(res.json.reportThreshold);
              say('Настройки статьи ' + id + ' сохранены.', 'success');
            } else {
              say('Настройки статьи ' + id + ' не сохранены: ' + problemText(res), 'error');
            }
          }).catch(function (e) {
            if (!e || e.status !== 401) networkError();
          }).then(function () {
            save.disabled = false;
          });
      });
    }
    return row;
  }

  // ----- accounts
  var ROLE = { moderator: 'модератор', admin: 'администратор' };
  var accountsBox = $('[data-accounts]');
  var accountForm = $('[data-account-form]');
  function loadAccounts() {
    if (!state.admin) return;
    busyText(accountsBox);
    authed('GET', 'moderation/accounts').then(function (res) {
      if (res.status !== 200) {
        accountsBox.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
        return;
      }
      renderAccounts(res.json.items || []);
    }).catch(failed(accountsBox));
  }
  LOADERS.accounts = loadAccounts;

  function renderAccounts(list) {
    accountsBox.replaceChildren(table('data-accounts-table', ['Имя', 'Роль', 'Состояние', 'Создана', 'Новый пароль'],
      list.map(accountRow)));
  }

  function accountRow(a) {
    var name = a.username;
    var role = el('select', { name: 'role', 'aria-label': 'Роль: ' + name, 'data-account-role': true },
      Object.keys(ROLE).map(function (r) { return el('option', { value: r, text: ROLE[r] }); }));
    role.value = a.role;
    var toggle = el('button', { type: 'button', class: 'btn ' + (a.enabled ? 'btn-quiet' : 'btn-approve'), 'data-account-toggle': true,
      text: a.enabled ? 'Отключить' : 'Включить' });
    var password = el('input', { type: 'password', name: 'password', autocomplete: 'new-password', minlength: 10, 'aria-label': 'Новый пароль: ' + name, placeholder: 'не короче 10 символов' });
    var setPassword = el('button', { type: 'button', class: 'btn btn-quiet', 'data-account-password': true, text: 'Сменить' });
    var row = el('tr', { 'data-account': name, 'data-role': a.role, 'data-enabled': String(!!a.enabled), class: a.enabled ? null : 'row-off' },
      el('td', null, el('strong', { text: name }), name === state.user ? el('span', { class: 'muted small', text: ' (вы)' }) : null),
      el('td', null, role),
      el('td', null, el('span', { class: 'muted', text: a.enabled ? 'включена' : 'отключена' }), ' ', toggle),
      el('td', null, a.createdAt ? time(a.createdAt) : '—'),
      el('td', null, el('span', { class: 'inline' }, password, setPassword)));
    function change(body, what, control) {
      control.disabled = true;
      return authed('PUT', 'moderation/accounts/' + encodeURIComponent(name), body).then(function (res) {
        if (res.status === 200) {
          say('Учётная запись ' + name + ': ' + what + '.', 'success');
          var fresh = accountRow(res.json);
          row.replaceWith(fresh);
          return;
        }
        control.disabled = false;
        if (body.role) role.value = a.role;
        say('Учётная запись ' + name + ' не изменена: ' +
          (res.status === 409 ? 'нельзя отключить или понизить последнего администратора.' : problemText(res)), 'error');
      }).catch(function (e) {
        control.disabled = false;
        if (!e || e.status !== 401) networkError();
      });
    }
    role.addEventListener('change', function () {
      change({ role: role.value }, 'роль — ' + label(ROLE, role.value), role);
    });
    toggle.addEventListener('click', function () {
      if (a.enabled && !window.confirm('Отключить учётную запись ' + name + '? Вход станет невозможен сразу.')) return;
      change({ enabled: !a.enabled }, a.enabled ? 'отключена' : 'включена', toggle);
    });
    setPassword.addEventListener('click', function () {
      if (password.value.length < 10) {
        password.setAttribute('aria-invalid', 'true');
        say('Пароль должен быть не короче 10 символов.', 'error');
        password.focus();
        return;
      }
      change({ password: password.value }, 'пароль изменён', setPassword);
    });
    return row;
  }

  accountForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var username = accountForm.username.value.trim();
    var password = accountForm.password.value;
    markViolations(accountForm, { json: {} });
    if (!/^[A-Za-z0-9._@-]{2,80}$/.test(username)) {
      accountForm.username.setAttribute('aria-invalid', 'true');
      say('Имя пользователя: латинские буквы, цифры и . _ @ -, от 2 до 80 символов.', 'error');
      accountForm.username.focus();
      return;
    }
    if (password.length < 10) {
      accountForm.password.setAttribute('aria-invalid', 'true');
      say('Пароль должен быть не короче 10 символов.', 'error');
      accountForm.password.focus();
      return;
    }
    var button = $('button[type=submit]', accountForm);
    button.disabled = true;
    authed('POST', 'moderation/accounts', { username: username, password: password, role: accountForm.role.value })
      .then(function (res) {
        markViolations(accountForm, res);
        if (res.status === 201 || res.status === 200) {
          accountForm.reset();
          say('Учётная запись ' + res.json.username + ' создана (' + label(ROLE, res.json.role) + ').', 'success');
          loadAccounts();
        } else {
          say('Учётная запись не создана: ' + (res.status === 409 ? 'такое имя уже занято.' : problemText(res)), 'error');
        }
      }).catch(function (e) {
        if (!e || e.status !== 401) networkError();
      }).then(function () {
        button.disabled = false;
      });
  });

  // ---------- start
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  } catch (e) {
    sessionStorage.removeItem(STORE);
  }
  if (saved && saved.auth) {
    state.auth = saved.auth;
    enter(saved.user || '');
  } else {
    loginForm.username.focus();
  }
})();
