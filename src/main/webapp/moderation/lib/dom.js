/*
 * DOM helpers shared by every screen. Text given to el() becomes text nodes: comment bodies,
 * names, e-mail addresses and reasons never pass through markup.
 */
import { t, formatDate } from './i18n.js';

export function $(sel, root) {
  return (root || document).querySelector(sel);
}

export function $$(sel, root) {
  return Array.from((root || document).querySelectorAll(sel));
}

/**
 * el('button', {type: 'button', class: 'btn', text: 'OK', hidden: true}, child, [children], 'text').
 * Attributes false, null or undefined are left out; true becomes an empty attribute.
 */
export function el(tag, attrs) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    var value = attrs[name];
    if (value === undefined || value === null || value === false) return;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  });
  for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
  return node;
}

function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
  else node.append(child); // strings become text nodes
}

export function time(iso) {
  var d = new Date(iso);
  return el('time', { datetime: iso, text: isNaN(d) ? String(iso || '') : formatDate(d) });
}

export function table(hook, heads, rows) {
  var attrs = { class: 'data-table' };
  if (hook) attrs[hook] = true;
  return el('table', attrs,
    el('thead', null, el('tr', null, heads.map(function (h) { return el('th', { scope: 'col', text: h }); }))),
    el('tbody', null, rows));
}

/** A box showing that its content is on its way. */
export function busyText(box, text) {
  box.replaceChildren(el('p', { class: 'muted', text: text || t('common.loading') }));
}

/** A duration in seconds, e.g. "3 h 12 min". */
export function duration(seconds) {
  if (seconds == null || isNaN(seconds)) return '—';
  var s = Math.round(Number(seconds));
  if (s < 60) return t('duration.seconds', { s: s });
  var m = Math.round(s / 60);
  if (m < 60) return t('duration.minutes', { m: m });
  var h = Math.floor(m / 60);
  if (h < 48) return t('duration.hours', { h: h, m: m % 60 });
  return t('duration.days', { d: Math.floor(h / 24), h: h % 24 });
}

/** A form field's trimmed value, null when empty. */
export function field(form, name) {
  var v = form.elements[name].value.trim();
  return v || null;
}

/** Marks the fields a problem+json answer's violations name. */
export function markViolations(form, res) {
  form.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
  (res.json.violations || []).forEach(function (v) {
    var name = String(v.field || '').split('.').pop();
    var input = form.elements[name];
    if (input && input.setAttribute) input.setAttribute('aria-invalid', 'true');
  });
}

// ---------- the notice line under the header
export function say(text, kind) {
  var notice = $('[data-notice]');
  $('[data-notice-text]', notice).textContent = text;
  notice.className = 'notice notice-' + (kind || 'info');
  notice.setAttribute('data-kind', kind || 'info');
  notice.hidden = false;
}

export function hideNotice() {
  $('[data-notice]').hidden = true;
}
