/*
 * Server-sent events from GET /api/moderation/stream, read with fetch (with the session cookie and
 * the dashboard's language) and parsed here. Reconnects with a growing pause, sending the id of
 * the last event it saw (Last-Event-ID), so the server sends what was missed meanwhile, or a
 * "reset" (reload) when that is too old; a 404 or 405 (a service without the stream) leaves the
 * dashboard manual.
 */
import { openStream } from './http.js';
import { session } from './session.js';

/**
 * listener: {event(name, data), up(), down()}. Returns {connect(), disconnect()}; connect() is
 * idempotent.
 */
export function liveEvents(path, listener) {
  var abort = null;
  var retry = 2000;
  var absent = false;
  var lastId = null;

  function connect() {
    if (!session.user || abort || absent) return;
    var ctrl = new AbortController();
    abort = ctrl;
    openStream(path, ctrl.signal, lastId).then(function (res) {
      if (res.status === 404 || res.status === 405) {
        absent = true;
        return;
      }
      if (!res.ok || !res.body) throw new Error('stream answered ' + res.status);
      retry = 2000;
      listener.up();
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error('stream closed');
          buffer += decoder.decode(chunk.value, { stream: true });
          var frames = buffer.split(/\r?\n\r?\n/);
          buffer = frames.pop();
          frames.forEach(frame);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      listener.down();
      if (abort !== ctrl || ctrl.signal.aborted || !session.user) return;
      abort = null;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 60000);
    }).then(function () {
      if (absent) abort = null;
    });
  }

  function disconnect() {
    if (abort) abort.abort();
    abort = null;
    listener.down();
  }

  function frame(text) {
    var name = 'message';
    var data = [];
    text.split(/\r?\n/).forEach(function (line) {
      if (line.indexOf('id:') === 0) lastId = line.slice(3).trim() || lastId;
      else if (line.indexOf('event:') === 0) name = line.slice(6).trim();
      else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (!data.length) return;
    var parsed;
    try {
      parsed = JSON.parse(data.join('\n'));
    } catch (e) {
      return; // a frame we cannot read is skipped; the next refresh shows the truth
    }
    listener.event(name, parsed);
  }

  return { connect: connect, disconnect: disconnect };
}
