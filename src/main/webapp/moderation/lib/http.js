/*
 * The moderator API (docs/moderator-api.md), authenticated by the session cookie (sent by the
 * browser for this origin only: credentials 'same-origin'), with the session's CSRF token in
 * X-CSRF-Token on every state-changing call and the chosen language in Accept-Language, so the
 * server's own messages come back in it. No Authorization header: the dashboard never holds a
 * password after signing in. X-Requested-With makes a 401 carry a challenge the browser ignores.
 */
import { lang, t } from './i18n.js';
import { el, say } from './dom.js';
import { session, signOut } from './session.js';

export const API = new URL('../../api/', import.meta.url).href;

const SAFE = { GET: true, HEAD: true, OPTIONS: true };

function headers(method, extra) {
  var h = Object.assign({ 'Accept-Language': lang, 'X-Requested-With': 'XMLHttpRequest' }, extra);
  if (!SAFE[method] && session.csrf) h['X-CSRF-Token'] = session.csrf;
  return h;
}

/** Resolves to {status, json} (json {} when the body is not JSON); rejects only when unreachable. */
export function call(method, path, body) {
  var h = headers(method, { Accept: 'application/json' });
  if (body) h['Content-Type'] = 'application/json';
  return fetch(API + path, {
    method: method, headers: h, body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin', cache: 'no-store'
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

/**
 * A call made while signed in: a 401 means the session ended (signed out elsewhere, expired, the
 * password changed), so the moderator is signed out here and told why; the promise rejects with
 * the response ({status: 401}).
 */
export function authed(method, path, body) {
  return call(method, path, body).then(function (res) {
    if (res.status === 401) {
      signOut();
      say(t('login.again', { detail: res.json.detail || t('login.expired') }), 'error');
      throw res;
    }
    return res;
  });
}

/** An open streaming GET (server-sent events), with the session cookie. */
export function openStream(path, signal, lastEventId) {
  var extra = { Accept: 'text/event-stream' };
  if (lastEventId) extra['Last-Event-ID'] = lastEventId;
  return fetch(API + path, {
    headers: headers('GET', extra),
    credentials: 'same-origin', cache: 'no-store', signal: signal
  });
}

/** What a problem+json answer says: its violations, else its detail, else the status. */
export function problemText(res) {
  var j = res.json;
  var v = (j.violations || []).map(function (x) { return x.message; }).join(' ');
  return v || j.detail || t('common.errorStatus', { status: res.status });
}

/** True for a failure to reach the server, false for the 401 authed() already handled. */
export function unreachable(e) {
  return !e || e.status !== 401;
}

export function networkError() {
  say(t('common.network'), 'error');
}

/** A catch handler: tells of a lost connection (a 401 was already handled by authed()). */
export function reportNetwork(e) {
  if (unreachable(e)) networkError();
}

/** A catch handler that puts «no connection» into box (a 401 was already handled by authed()). */
export function failedInto(box) {
  return function (e) {
    if (unreachable(e)) box.replaceChildren(el('p', { class: 'error', text: t('common.networkShort') }));
  };
}
