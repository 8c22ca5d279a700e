/*
 * Accounts (admins only): moderators and admins, created, enabled or disabled, their role and
 * password changed. Asking for the list after login is also how the dashboard learns whether the
 * user is an admin.
 */
import { $, el, time, table, busyText, markViolations, say } from '../lib/dom.js';
import { t, label } from '../lib/i18n.js';
import { authed, problemText, reportNetwork, failedInto } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { session, setAdmin, onSignOut } from '../lib/session.js';

const ROLES = ['moderator', 'admin'];
const box = $('[data-accounts]');
const form = $('[data-account-form]');

/** 200: an admin, and the list is shown; 403: a moderator. */
export function probeAdmin() {
  return authed('GET', 'moderation/accounts').then(function (res) {
    setAdmin(res.status === 200);
    if (res.status === 200) render(res.json.items || []);
  }).catch(function () { /* stays a moderator's view */ });
}

function load() {
  if (!session.admin) return;
  busyText(box);
  authed('GET', 'moderation/accounts').then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    render(res.json.items || []);
  }).catch(failedInto(box));
}
onShow('accounts', load);

function render(list) {
  box.replaceChildren(table('data-accounts-table',
    [t('accounts.name'), t('accounts.role'), t('accounts.state'), t('accounts.createdAt'), t('accounts.newPassword')],
    list.map(row)));
}

function row(a) {
  var name = a.username;
  var role = el('select', { name: 'role', 'aria-label': t('accounts.roleFor', { name: name }), 'data-account-role': true },
    ROLES.map(function (r) { return el('option', { value: r, text: label('role', r) }); }));
  role.value = a.role;
  var toggle = el('button', { type: 'button', class: 'btn ' + (a.enabled ? 'btn-quiet' : 'btn-approve'), 'data-account-toggle': true,
    text: a.enabled ? t('accounts.disable') : t('accounts.enable') });
  var password = el('input', { type: 'password', name: 'password', autocomplete: 'new-password', minlength: 10, 'aria-label': t('accounts.passwordFor', { name: name }), placeholder: t('accounts.passwordHint') });
  var setPassword = el('button', { type: 'button', class: 'btn btn-quiet', 'data-account-password': true, text: t('accounts.change') });
  var tr = el('tr', { 'data-account': name, 'data-role': a.role, 'data-enabled': String(!!a.enabled), class: a.enabled ? null : 'row-off' },
    el('td', null, el('strong', { text: name }), name === session.user ? el('span', { class: 'muted small', text: ' ' + t('accounts.you') }) : null),
    el('td', null, role),
    el('td', null, el('span', { class: 'muted', text: a.enabled ? t('accounts.enabled') : t('accounts.disabled') }), ' ', toggle),
    el('td', null, a.createdAt ? time(a.createdAt) : '—'),
    el('td', null, el('span', { class: 'inline' }, password, setPassword)));
  function change(body, what, control) {
    control.disabled = true;
    return authed('PUT', 'moderation/accounts/' + encodeURIComponent(name), body).then(function (res) {
      if (res.status === 200) {
        say(t('accounts.changed', { name: name, what: what }), 'success');
        tr.replaceWith(row(res.json));
        return;
      }
      control.disabled = false;
      if (body.role) role.value = a.role;
      say(t('accounts.notChanged', { name: name, problem: res.status === 409 ? t('accounts.lastAdmin') : problemText(res) }), 'error');
    }).catch(function (e) {
      control.disabled = false;
      reportNetwork(e);
    });
  }
  role.addEventListener('change', function () {
    change({ role: role.value }, t('accounts.roleChanged', { role: label('role', role.value) }), role);
  });
  toggle.addEventListener('click', function () {
    if (a.enabled && !window.confirm(t('accounts.disableConfirm', { name: name }))) return;
    change({ enabled: !a.enabled }, a.enabled ? t('accounts.disabled') : t('accounts.enabled'), toggle);
  });
  setPassword.addEventListener('click', function () {
    if (password.value.length < 10) {
      password.setAttribute('aria-invalid', 'true');
      say(t('accounts.passwordShort'), 'error');
      password.focus();
      return;
    }
    change({ password: password.value }, t('accounts.passwordChanged'), setPassword);
  });
  return tr;
}

form.addEventListener('submit', function (e) {
  e.preventDefault();
  var username = form.username.value.trim();
  var password = form.password.value;
  markViolations(form, { json: {} });
  if (!/^[A-Za-z0-9._@-]{2,80}$/.test(username)) {
    form.username.setAttribute('aria-invalid', 'true');
    say(t('accounts.usernameInvalid'), 'error');
    form.username.focus();
    return;
  }
  if (password.length < 10) {
    form.password.setAttribute('aria-invalid', 'true');
    say(t('accounts.passwordShort'), 'error');
    form.password.focus();
    return;
  }
  var button = $('button[type=submit]', form);
  button.disabled = true;
  authed('POST', 'moderation/accounts', { username: username, password: password, role: form.role.value })
    .then(function (res) {
      markViolations(form, res);
      if (res.status === 201 || res.status === 200) {
        form.reset();
        say(t('accounts.created', { name: res.json.username, role: label('role', res.json.role) }), 'success');
        load();
      } else {
        say(t('accounts.notCreated', { problem: res.status === 409 ? t('accounts.taken') : problemText(res) }), 'error');
      }
    }).catch(reportNetwork).then(function () {
      button.disabled = false;
    });
});

onSignOut(function () { box.replaceChildren(); });
