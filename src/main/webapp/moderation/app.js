/*
 * The moderators' dashboard: one ES module per screen under screens/ (login, queue, check,
 * rules, stats, sanctions, articles, accounts, audit, sessions, security), shared helpers under lib/ (http: the
 * moderator API; dom: elements and notices; i18n: ru/ky/en labels from i18n/; session; nav: the
 * tabs; events: the live stream; verdict and highlight: the rule engine's matches). No build step:
 * the browser loads the modules as they are.
 */
import { $, hideNotice } from './lib/dom.js';
import { lang, localize, switchTo } from './lib/i18n.js';
import { wireTabs } from './lib/nav.js';
import './screens/queue.js';
import './screens/check.js';
import './screens/rules.js';
import './screens/stats.js';
import './screens/sanctions.js';
import './screens/articles.js';
import './screens/accounts.js';
import './screens/audit.js';
import './screens/sessions.js';
import './screens/security.js';
import { start } from './screens/login.js';

localize(document);
document.querySelectorAll('[data-lang]').forEach(function (b) {
  b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
  b.addEventListener('click', function () { switchTo(b.getAttribute('data-lang')); });
});
$('[data-notice-close]').addEventListener('click', hideNotice);
wireTabs();
document.documentElement.setAttribute('data-ready', '');
start();
