/*
 * Who is signed in. The server keeps the session (POST /api/moderation/session); the browser holds
 * it in an HttpOnly, SameSite=Strict cookie that no script can read. What the page needs — the name,
 * the roles and the CSRF token it sends with every state-changing call — lives in this module's
 * memory only: nothing secret is ever written to sessionStorage or localStorage. After a reload the
 * page asks GET /api/moderation/session for them again.
 */

/** user: the signed-in name, admin: whether an admin, csrf: the session's token (memory only). */
export const session = { user: null, admin: false, csrf: null, mustEnrol: false };

const endings = [];

/** fn runs on every sign-out, whether asked for or because the session ended on the server. */
export function onSignOut(fn) {
  endings.push(fn);
}

/** Takes the server's answer {username, roles, csrfToken, mustEnrol}. */
export function signIn(body) {
  session.user = body.username;
  session.csrf = body.csrfToken;
  session.mustEnrol = !!body.mustEnrol;
  setAdmin((body.roles || []).indexOf('admin') >= 0);
}

/** Forgets the session on this page (the server side is ended by DELETE /session). */
export function signOut() {
  session.user = null;
  session.csrf = null;
  session.mustEnrol = false;
  setAdmin(false);
  endings.forEach(function (fn) { fn(); });
}

/** Hides what an admin-only control would be refused; the server checks every call anyway. */
export function setAdmin(on) {
  session.admin = on;
  document.querySelectorAll('[data-admin-only]').forEach(function (n) { n.hidden = !on; });
  document.body.setAttribute('data-role', on ? 'admin' : 'moderator');
}
