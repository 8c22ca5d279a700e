/*
 * The dashboard's language: Russian, Kyrgyz or English, with every label from the tables in
 * ../i18n/. Chosen by ?lang= in the address (this page load only, for links and tests), else the
 * moderator's choice in the header (kept in localStorage), else the first of ru/ky/en among the
 * browser's preferred languages, else Russian — the newsroom's working language.
 *
 * Static labels in index.html name their key: data-i18n="key" (text), data-i18n-placeholder,
 * data-i18n-aria-label, data-i18n-title (attributes). Switching language reloads the page: the
 * login stays (sessionStorage), and every screen, date and server message comes back in the new
 * language at once.
 */
import ru from '../i18n/ru.js';
import ky from '../i18n/ky.js';
import en from '../i18n/en.js';

export const TABLES = { ru: ru, ky: ky, en: en };
const STORE = 'commentModeration.lang';

function known(tag) {
  var primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return Object.prototype.hasOwnProperty.call(TABLES, primary) ? primary : null;
}

function choose() {
  var fromUrl = known(new URLSearchParams(location.search).get('lang'));
  if (fromUrl) return fromUrl;
  var chosen = null;
  try {
    chosen = known(localStorage.getItem(STORE));
  } catch (e) {
    /* storage refused (privacy mode): fall through to the browser's languages */
  }
  if (chosen) return chosen;
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var i = 0; i < preferred.length; i++) {
    var k = known(preferred[i]);
    if (k) return k;
  }
  return 'ru';
}

/** The language of this page load: 'ru', 'ky' or 'en'. */
export const lang = choose();
const table = TABLES[lang];

/** The label for key, with {name} placeholders filled from params. */
export function t(key, params) {
  var text = table[key];
  if (typeof text !== 'string') text = typeof ru[key] === 'string' ? ru[key] : key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, function (all, name) {
    return params[name] === undefined || params[name] === null ? all : String(params[name]);
  });
}

/** A server code (status, decision, category, …) in words; the code itself when there is no entry. */
export function label(group, code) {
  var words = table[group] || ru[group] || {};
  return words[code] || String(code == null ? '' : code);
}

const dates = (function () {
  var opts = { dateStyle: 'short', timeStyle: 'medium' };
  var locale = Intl.DateTimeFormat.supportedLocalesOf([lang]).length ? lang : lang === 'ky' ? 'ru' : 'en';
  return new Intl.DateTimeFormat(locale, opts);
})();

export function formatDate(d) {
  return dates.format(d);
}

/** Puts the labels into the static markup under root and sets <html lang>. */
export function localize(root) {
  document.documentElement.lang = lang;
  (root || document).querySelectorAll('[data-i18n]').forEach(function (n) {
    n.textContent = t(n.getAttribute('data-i18n'));
  });
  ['placeholder', 'aria-label', 'title'].forEach(function (attr) {
    (root || document).querySelectorAll('[data-i18n-' + attr + ']').forEach(function (n) {
      n.setAttribute(attr, t(n.getAttribute('data-i18n-' + attr)));
    });
  });
}

/** Remembers the moderator's choice and reloads the page in that language. */
export function switchTo(next) {
  if (!known(next) || next === lang) return;
  var stored = true;
  try {
    localStorage.setItem(STORE, next);
  } catch (e) {
    stored = false; // then the choice travels in the address
  }
  var url = new URL(location.href);
  if (!stored || url.searchParams.has('lang')) url.searchParams.set('lang', next);
  url.hash = ''; // a fragment-only change would not reload
  location.replace(url.href);
}
