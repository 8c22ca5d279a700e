/*
 * The tabs in the header and the screen each one shows (<section data-section="name">). A screen
 * registers what to do when it is shown (load its data).
 */
const shownHooks = {};
let current = 'queue';

export function onShow(name, fn) {
  shownHooks[name] = fn;
}

export function currentScreen() {
  return current;
}

export function show(name) {
  current = name;
  document.querySelectorAll('[data-section]').forEach(function (s) {
    s.hidden = s.getAttribute('data-section') !== name;
  });
  document.querySelectorAll('[data-tab]').forEach(function (tab) {
    if (tab.getAttribute('data-tab') === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  });
  if (shownHooks[name]) shownHooks[name]();
}

export function wireTabs() {
  document.querySelectorAll('[data-tab]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      show(tab.getAttribute('data-tab'));
    });
  });
}
