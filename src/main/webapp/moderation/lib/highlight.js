/*
 * Turns a comment body and the rule engine's matches into highlighted DOM. Match offsets are
 * UTF-16 indices into the original body, which is exactly JavaScript string indexing. Matches may
 * overlap; the text is cut at every match boundary and each piece names the matches covering it.
 * The text only ever becomes text nodes.
 */
const STRENGTH = { REJECT: 3, HOLD: 2, FLAG: 1 };

/** [{text, start, end, matches}] covering the whole text, in order. */
export function segments(text, matches) {
  var len = text.length;
  var spans = (matches || [])
    .map(function (m) {
      var s = Math.max(0, Math.min(len, m.start | 0));
      var e = Math.max(0, Math.min(len, m.end | 0));
      return { m: m, s: s, e: e };
    })
    .filter(function (x) {
      return x.e > x.s;
    });
  var cuts = [0, len];
  spans.forEach(function (x) {
    cuts.push(x.s, x.e);
  });
  cuts = cuts
    .sort(function (a, b) {
      return a - b;
    })
    .filter(function (c, i, all) {
      return i === 0 || c !== all[i - 1];
    });
  var out = [];
  for (var i = 0; i + 1 < cuts.length; i++) {
    var a = cuts[i];
    var b = cuts[i + 1];
    var covering = spans
      .filter(function (x) {
        return x.s <= a && x.e >= b;
      })
      .map(function (x) {
        return x.m;
      });
    var last = out[out.length - 1];
    if (last && !last.matches.length && !covering.length) {
      last.text += text.slice(a, b);
      last.end = b;
    } else {
      out.push({ text: text.slice(a, b), start: a, end: b, matches: covering });
    }
  }
  return out;
}

export function strongest(matches) {
  return matches.reduce(function (best, m) {
    return (STRENGTH[m.action] || 0) > (STRENGTH[best.action] || 0) ? m : best;
  });
}

/** Fills el with the text, matched pieces wrapped in <mark data-rule="..."> elements. */
export function render(el, text, matches, describe) {
  el.replaceChildren();
  segments(text || '', matches).forEach(function (seg) {
    if (!seg.matches.length) {
      el.append(seg.text);
      return;
    }
    var top = strongest(seg.matches);
    var mark = document.createElement('mark');
    mark.className = 'hl hl-' + String(top.action || 'flag').toLowerCase();
    mark.setAttribute('data-rule', top.rule);
    mark.setAttribute('data-rules', seg.matches.map(function (m) { return m.rule; }).join(' '));
    if (top.category) mark.setAttribute('data-category', top.category);
    mark.title = seg.matches.map(describe || function (m) { return m.rule; }).join('; ');
    mark.textContent = seg.text;
    el.append(mark);
  });
}
