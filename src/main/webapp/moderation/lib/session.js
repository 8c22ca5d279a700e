/*
 * Who is logged in. The credentials (HTTP Basic, built in the browser) are kept in sessionStorage
 * only: this tab, gone on logout or when the tab closes. No cookie is ever set and the API keeps
 * no session, so a request from another site carries no authority: there is no CSRF surface.
 */
const STORE = 'commentModeration.moderator';

/** auth: the Basic credentials (base64), user: the name typed at login, admin: learnt after login. */
export const session = { auth: null, user: null, admin: false };

const endings = [];

/** fn runs on every logout, whether asked for or because the credentials stopped working. */
export function onSignOut(fn) {
  endings.push(fn);
}

export function basic(user, password) {
  var bin = '';
  new TextEncoder().encode(user + ':' + password).forEach(function (b) {
    bin += String.fromCharCode(b);
  });
  return btoa(bin);
}

export function signIn(user, auth) {
  session.user = user;
  session.auth = auth;
  sessionStorage.setItem(STORE, JSON.stringify({ user: user, auth: auth }));
}

/** The login kept by this tab, or null. */
export function restore() {
  try {
    var saved = JSON.parse(sessionStorage.getItem(STORE) || 'null');
    if (saved && saved.auth) {
      session.user = saved.user || '';
      session.auth = saved.auth;
      return saved;
    }
  } catch (e) {
    sessionStorage.removeItem(STORE);
  }
  return null;
}

export function signOut() {
  sessionStorage.removeItem(STORE);
  session.auth = null;
  session.user = null;
  setAdmin(false);
  endings.forEach(function (fn) { fn(); });
}

/**
 * Whether the user is an admin is learnt by asking for the accounts (200 admin, 403 moderator);
 * the server checks every call anyway, this only hides what would be refused.
 */
export function setAdmin(on) {
  session.admin = on;
  document.querySelectorAll('[data-admin-only]').forEach(function (n) { n.hidden = !on; });
  document.body.setAttribute('data-role', on ? 'admin' : 'moderator');
}
