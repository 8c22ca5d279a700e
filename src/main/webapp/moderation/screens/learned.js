/*
 * The learned layer on the statistics screen: its state, its versions with their held-out
 * precision and recall, and for admins retraining, activating a version (a rollback is activating
 * an older one) and switching it off.
 */
import { $, el, time, table, busyText, say } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { authed, problemText, failedInto } from '../lib/http.js';
import { session, onSignOut } from '../lib/session.js';

const box = $('[data-learned]');

function percent(x) {
  return x == null ? '—' : Math.round(x * 1000) / 10 + ' %';
}

function act(method, path, body, done) {
  return authed(method, path, body).then(function (res) {
    if (res.status >= 300) say(problemText(res), 'error');
    else if (done) say(done(res.json), 'success');
    loadLearned();
  }).catch(failedInto(box));
}

function train(button) {
  button.disabled = true;
  busyText(box, t('learned.training'));
  act('POST', 'moderation/classifier/train', null, function (r) {
    return r.activated
      ? t('learned.trained', { model: r.version.model })
      : t('learned.trainedNotActive', { model: r.version.model, why: t('learned.not.' + r.notActivated) });
  });
}

function status(r) {
  if (r.status === 'ACTIVE') return t('learned.statusActive', { model: 'v' + r.active });
  if (r.status === 'OFF') return t('learned.statusOff');
  return t('learned.statusTooFew', {
    approved: r.approvedDecisions, rejected: r.rejectedDecisions, min: r.minDecisions, perClass: r.minPerClass
  });
}

export function loadLearned() {
  busyText(box);
  return authed('GET', 'moderation/classifier').then(function (res) {
    if (res.status !== 200) {
      box.replaceChildren(el('p', { class: 'error', text: problemText(res) }));
      return;
    }
    var r = res.json;
    var admin = session.admin;
    var trainButton = admin
      ? el('button', { type: 'button', class: 'btn', 'data-learned-train': true, text: t('learned.train') })
      : null;
    if (trainButton) trainButton.addEventListener('click', function () { train(trainButton); });
    var offButton = admin && r.active != null
      ? el('button', { type: 'button', class: 'btn btn-quiet', 'data-learned-off': true, text: t('learned.off') })
      : null;
    if (offButton) offButton.addEventListener('click', function () {
      act('DELETE', 'moderation/classifier/active', null, function () { return t('learned.switchedOff'); });
    });
    var versions = r.versions || [];
    box.replaceChildren(
      el('h3', { text: t('learned.title') }),
      el('p', { 'data-learned-status': r.status, text: status(r) }),
      el('p', { class: 'muted small', text: t('learned.explain', { threshold: Math.round(r.threshold * 100) }) }),
      el('div', { class: 'actions' }, trainButton, offButton),
      versions.length
        ? table('data-learned-versions',
          [t('learned.version'), t('learned.created'), t('learned.examples'), t('learned.precision'), t('learned.recall'), ''],
          versions.map(function (v) {
            var activate = null;
            if (admin && !v.active) {
              activate = el('button', { type: 'button', class: 'btn btn-quiet', 'data-learned-activate': v.version, text: t('learned.activate') });
              activate.addEventListener('click', function () {
                act('PUT', 'moderation/classifier/active', { version: v.version }, function () {
                  return t('learned.activated', { model: v.model });
                });
              });
            }
            return el('tr', { 'data-learned-version': v.version, class: v.active ? 'row-active' : null },
              el('td', null, el('code', { text: v.model }), v.active ? el('strong', { text: ' ' + t('learned.inForce') }) : null),
              el('td', null, time(v.createdAt), ' · ', v.createdBy),
              el('td', { class: 'num', text: t('learned.examplesOf', { approved: v.approvedExamples, rejected: v.rejectedExamples }) }),
              el('td', { class: 'num', title: t('learned.heldOut', { held: v.testHeld, rejected: v.testHeldRejected, n: v.testExamples }), text: percent(v.precision) }),
              el('td', { class: 'num', text: percent(v.recall) }),
              el('td', null, activate));
          }))
        : el('p', { class: 'muted', text: t('learned.noVersions') }));
  }).catch(failedInto(box));
}

/** The live figures from the statistics: per version, what it held and how moderators decided. */
export function learnedOutcomes(rows) {
  if (!rows || !rows.length) return null;
  return [
    el('h3', { text: t('learned.outcomes') }),
    table('data-stats-learned',
      [t('learned.version'), t('stats.held'), t('stats.decidedCol'), t('learned.rejected'), t('stats.precision')],
      rows.map(function (x) {
        return el('tr', { 'data-stats-learned-model': x.model },
          el('td', null, el('code', { text: x.model })),
          el('td', { class: 'num', text: String(x.held) }),
          el('td', { class: 'num', text: String(x.decided) }),
          el('td', { class: 'num', text: String(x.rejected) }),
          el('td', { class: 'num', text: percent(x.precision) }));
      }))
  ];
}

onSignOut(function () { box.replaceChildren(); });
