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
        : [' — «', el('span', { class: 'excerpt', text: m.excerpt || '' }), '»'],
      m.learned ? learnedEvidence(m.learned) : null);
  }));
}

/** Why the learned layer held it: model, probability, and the n-grams that weighed most. */
function learnedEvidence(x) {
  return el('div', { class: 'learned', 'data-learned-model': x.model },
    el('span', { class: 'muted small', text: t('learned.why', {
      model: x.model, p: Math.round((x.probability || 0) * 100), threshold: Math.round((x.threshold || 0) * 100)
    }) }),
    el('ul', { class: 'ngrams', 'data-learned-features': true }, (x.features || []).map(function (f) {
      return el('li', { 'data-learned-ngram': f.ngram, title: t('learned.weight', { weight: f.weight }) },
        el('mark', { class: 'hl hl-hold', text: shown(f.ngram) }));
    })));
}

/** An n-gram as read: word edges (spaces) shown as ␣, flags of the rules as they are. */
function shown(ngram) {
  return String(ngram).replace(/^ | $/g, '\u2423');
}

export function verdictLine(v) {
  if (!v) return el('span', { class: 'muted', text: t('verdict.none') });
  return el('span', { class: 'verdict' },
    t('verdict.rules') + ' ',
    el('strong', { class: 'decision decision-' + String(v.decision).toLowerCase(), text: label('decision', v.decision) }),
    v.ruleSetVersion ? el('span', { class: 'muted', text: ' ' + t('verdict.ruleSet', { version: v.ruleSetVersion }) }) : null);
}
