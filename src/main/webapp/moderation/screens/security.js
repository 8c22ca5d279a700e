/*
 * Security (every moderator): one's own second factor. Turning it on shows a QR code (and the
 * secret for typing in) to scan with an authenticator app; the first code confirms it and the
 * recovery codes are shown once. Turning it off, or new recovery codes, needs a current code.
 * Nothing of it is kept in the browser.
 */
import { $, el, busyText, say } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { authed, problemText, failedInto, reportNetwork } from '../lib/http.js';
import { onShow } from '../lib/nav.js';
import { session } from '../lib/session.js';

const box = $('[data-security]');

export function load() {
  busyText(box);
  return authed('GET', 'moderation/account/2fa').then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    render(res.json);
  }).catch(failedInto(box));
}
onShow('security', load);

function render(status) {
  var state = el('p', { 'data-totp-state': status.enabled ? 'on' : 'off',
    text: status.enabled ? t('totp.on', { left: status.recoveryCodesLeft }) : t('totp.off') });
  var parts = [el('h3', { text: t('totp.title') }), state];
  if (status.required) parts.push(el('p', { class: 'muted', text: t('totp.requiredNote') }));
  if (status.enabled) parts.push(codeForm());
  else parts.push(el('button', { type: 'button', class: 'btn', 'data-totp-start': true, text: t('totp.start'),
    onclick: null }));
  box.replaceChildren(el('div', { class: 'card' }, parts));
  var startButton = $('[data-totp-start]', box);
  if (startButton) startButton.addEventListener('click', start);
}

function codeInput(hook) {
  var attrs = { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', spellcheck: 'false',
    'aria-label': t('totp.code'), placeholder: t('totp.codeHint'), maxlength: 64 };
  attrs[hook] = true;
  return el('input', attrs);
}

/** With the factor on: new recovery codes or turning it off, each proven by a code. */
function codeForm() {
  var code = codeInput('data-totp-code');
  var renew = el('button', { type: 'button', class: 'btn btn-quiet', 'data-totp-renew': true, text: t('totp.renew') });
  var off = el('button', { type: 'button', class: 'btn btn-quiet', 'data-totp-disable': true, text: t('totp.disable') });
  renew.addEventListener('click', function () {
    send('moderation/account/2fa/recovery-codes', code, renew).then(function (res) {
      if (res) showCodes(res.json.recoveryCodes || []);
    });
  });
  off.addEventListener('click', function () {
    send('moderation/account/2fa/disable', code, off).then(function (res) {
      if (res) {
        say(t('totp.disabled'), 'ok');
        load();
      }
    });
  });
  return el('div', { class: 'inline' }, code, renew, off);
}

function send(path, input, button) {
  button.disabled = true;
  return authed('POST', path, { code: input.value.trim() }).then(function (res) {
    button.disabled = false;
    if (res.status === 200 || res.status === 204) return res;
    say(problemText(res), 'error');
    input.focus();
    return null;
  }).catch(function (e) {
    button.disabled = false;
    reportNetwork(e);
    return null;
  });
}

function start() {
  authed('POST', 'moderation/account/2fa').then(function (res) {
    if (res.status !== 200) {
      say(problemText(res), 'error');
      return;
    }
    var qr = el('img', { 'data-totp-qr': true, width: 200, height: 200, alt: t('totp.qrAlt'),
      src: 'data:image/svg+xml;base64,' + btoa(res.json.qrSvg) });
    var secret = el('code', { 'data-totp-secret': true, text: res.json.secret });
    var code = codeInput('data-totp-confirm-code');
    var confirm = el('button', { type: 'button', class: 'btn', 'data-totp-confirm': true, text: t('totp.confirm') });
    confirm.addEventListener('click', function () {
      send('moderation/account/2fa/confirm', code, confirm).then(function (answer) {
        if (answer) {
          say(t('totp.enabled'), 'ok');
          showCodes(answer.json.recoveryCodes || []);
        }
      });
    });
    box.replaceChildren(el('div', { class: 'card' },
      el('h3', { text: t('totp.title') }),
      el('p', { text: t('totp.scan') }), qr,
      el('p', { class: 'small' }, t('totp.secret'), ' ', secret),
      el('div', { class: 'inline' }, code, confirm)));
    code.focus();
  }).catch(reportNetwork);
}

function showCodes(codes) {
  var done = el('button', { type: 'button', class: 'btn', 'data-totp-done': true, text: t('totp.saved') });
  done.addEventListener('click', function () {
    // a session that was waiting for this enrolment may now do everything: start afresh
    if (session.mustEnrol) location.reload();
    else load();
  });
  box.replaceChildren(el('div', { class: 'card' },
    el('h3', { text: t('totp.recoveryTitle') }),
    el('p', { text: t('totp.recoveryNote') }),
    el('ul', { class: 'codes', 'data-totp-recovery': true }, codes.map(function (c) { return el('li', null, el('code', { text: c })); })),
    done));
}
