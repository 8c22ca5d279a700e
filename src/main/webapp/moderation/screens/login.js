/*
 * Sign-in and sign-out. The typed name and password go once to POST /api/moderation/session; the
 * server answers with a session cookie (HttpOnly: no script reads it) and the CSRF token, which is
 * kept in memory only. When the account has a second factor, the answer asks for a code and the
 * form shows a code field and sends again with it. After a reload the session is asked for again
 * (GET /api/moderation/session); sign-out ends it on the server (DELETE).
 */
import { $, say, hideNotice } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { call, networkError, problemText } from '../lib/http.js';
import { session, signIn, signOut, onSignOut } from '../lib/session.js';
import { show } from '../lib/nav.js';
import { load as loadQueue } from './queue.js';
import { probeAdmin } from './accounts.js';

const form = $('[data-login-form]');
const totpField = $('[data-totp-field]');

form.addEventListener('submit', function (e) {
  e.preventDefault();
  var user = form.username.value.trim();
  var password = form.password.value;
  if (!user || !password) {
    say(t('login.missing'), 'error');
    (user ? form.password : form.username).focus();
    return;
  }
  var body = { username: user, password: password };
  var code = totpField.hidden ? '' : form.totp.value.trim();
  if (code) body.totp = code;
  var button = $('button[type=submit]', form);
  button.disabled = true;
  call('POST', 'moderation/session', body)
    .then(function (res) {
      if (res.status === 200) {
        signIn(res.json);
        form.password.value = '';
        form.totp.value = '';
        totpField.hidden = true;
        hideNotice();
        enter();
        if (session.mustEnrol) say(t('login.mustEnrol'), 'info');
        return;
      }
      if (res.status === 401 && res.json.secondFactor === 'required') {
        totpField.hidden = false;
        form.totp.value = '';
        form.totp.focus();
        say(code ? t('login.totpWrong') : t('login.totpNeeded'), code ? 'error' : 'info');
        return;
      }
      say(res.status === 401 ? t('login.wrong')
        : res.status === 429 || res.status === 503 ? problemText(res)
        : t('login.failed', { problem: problemText(res) }), 'error');
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
  $('#main').focus();
  if (session.mustEnrol) {
    // an admin who owes a second factor may do nothing else first (the server refuses it anyway)
    show('security');
    return;
  }
  show('queue');
  loadQueue(true);
  probeAdmin();
}

onSignOut(function () {
  $('[data-view=app]').hidden = true;
  $('[data-userbar]').hidden = true;
  $('[data-nav]').hidden = true;
  $('[data-view=login]').hidden = false;
  totpField.hidden = true;
  form.username.focus();
});

$('[data-logout]').addEventListener('click', function () {
  var done = function () {
    signOut();
    say(t('login.loggedOut'), 'info');
  };
  call('DELETE', 'moderation/session').then(done, done);
});

/** Back into the dashboard when the browser still holds a session (a reload, a language switch). */
export function start() {
  call('GET', 'moderation/session')
    .then(function (res) {
      if (res.status === 200) {
        signIn(res.json);
        enter();
      } else {
        form.username.focus();
      }
    })
    .catch(function () {
      form.username.focus();
    });
}
