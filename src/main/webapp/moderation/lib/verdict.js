/* The rule engine's verdict on a text, as the queue cards and the text check show it. */
import { el } from './dom.js';
import { t, label } from './i18n.js';
import { render } from './highlight.js';

/** One match in words: rule · category · action (the tooltip of a highlighted span). */
export function describe(m) {
  return m.rule + ' · ' + label('category', m.category) + ' · ' + label('action', m.action);
}

/** The text into box, the matched spans highlighted. */
export function highlight(box, text, matches) {
  render(box, text || '', matches, describe);
}

export function matchList(matches) {
  if (!matches || !matches.length) return el('p', { class: 'muted small', text: t('verdict.noMatches') });
  return el('ul', { class: 'matches' }, matches.map(function (m) {
    var spanless = !(m.end > m.start);
    return el('li', { 'data-match-rule': m.rule },
      el('span', { class: 'tag tag-' + String(m.action || 'flag').toLowerCase(), text: label('action', m.action) }), ' ',
      el('code', { text: m.rule }), ' · ', label('category', m.category),
      spanless
        ? el('span', { class: 'muted', text: ' ' + t('verdict.spanless') })
        : [' — «', el('span', { class: 'excerpt', text: m.excerpt || '' }), '»']);
  }));
}

export function verdictLine(v) {
  if (!v) return el('span', { class: 'muted', text: t('verdict.none') });
  return el('span', { class: 'verdict' },
    t('verdict.rules') + ' ',
    el('strong', { class: 'decision decision-' + String(v.decision).toLowerCase(), text: label('decision', v.decision) }),
    v.ruleSetVersion ? el('span', { class: 'muted', text: ' ' + t('verdict.ruleSet', { version: v.ruleSetVersion }) }) : null);
}
