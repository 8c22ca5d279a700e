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
  }

  function logout() {
    sessionStorage.removeItem(STORE);
    disconnectLive();
    state.auth = null;
    state.user = null;
    clearQueue();
    $('[data-check-result]').replaceChildren();
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
  }
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
      el('div', { class: 'item-actions' }, reason, approve, reject, history),
      el('p', { class: 'item-note', 'data-item-note': true, role: 'status', hidden: true }));
    approve.addEventListener('click', function () { decide(id, 'approve'); });
    reject.addEventListener('click', function () { decide(id, 'reject'); });
    history.addEventListener('click', function () { openAudit(id, history); });
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
