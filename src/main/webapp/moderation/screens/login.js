/*
 * Login and logout. The typed credentials are tried on the queue (200: in; 401: wrong; 403: not
 * a moderator) and kept for this tab only once they work.
 */
import { $, say, hideNotice } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { call, networkError } from '../lib/http.js';
import { session, basic, signIn, signOut, restore, onSignOut } from '../lib/session.js';
import { show } from '../lib/nav.js';
import { load as loadQueue } from './queue.js';
import { probeAdmin } from './accounts.js';

const form = $('[data-login-form]');

form.addEventListener('submit', function (e) {
  e.preventDefault();
  var user = form.username.value.trim();
  var password = form.password.value;
  if (!user || !password) {
    say(t('login.missing'), 'error');
    (user ? form.password : form.username).focus();
    return;
  }
  var button = $('button[type=submit]', form);
  button.disabled = true;
  var auth = basic(user, password);
  call('GET', 'moderation/queue?limit=1', null, auth)
    .then(function (res) {
      if (res.status === 200) {
        signIn(user, auth);
        form.password.value = '';
        hideNotice();
        enter();
        return;
      }
      say(res.status === 401 ? t('login.wrong')
        : res.status === 403 ? t('login.notModerator')
        : t('login.failed', { problem: res.json.detail || t('common.errorStatus', { status: res.status }) }), 'error');
      form.password.select();
    })
    .catch(networkError)
    .then(function () {
      button.disabled = false;
    });
});

function enter() {
  $('[data-user]').textContent = session.user;
  $('[data-view=login]').hidden = true;
  $('[data-view=app]').hidden = false;
  $('[data-userbar]').hidden = false;
  $('[data-nav]').hidden = false;
  show('queue');
  $('#main').focus();
  loadQueue(true);
  probeAdmin();
}

onSignOut(function () {
  $('[data-view=app]').hidden = true;
  $('[data-userbar]').hidden = true;
  $('[data-nav]').hidden = true;
  $('[data-view=login]').hidden = false;
  form.username.focus();
});

$('[data-logout]').addEventListener('click', function () {
  signOut();
  say(t('login.loggedOut'), 'info');
});

/** Back into the dashboard when this tab is still logged in (a reload, a language switch). */
export function start() {
  if (restore()) enter();
  else form.username.focus();
}
