/*
 * DEMO ONLY. A real site signs its readers' tokens on its server, with a secret (or private key) no
 * browser ever sees, and hands the token to the widget (data-comments-token, or a same-origin URL
 * in data-comments-token-url). To show a signed-in reader without a site, this page signs a token
 * in the browser with a demo secret printed right here: it works only when the service runs with
 * COMMENTS_SSO_SECRET set to this very value (config/example.env shows how, commented out), and
 * anyone can sign any name with it, so never configure it on a real site.
 */
(function () {
  'use strict';
  var DEMO_SECRET = 'demo-only-secret-anyone-can-read-never-use-it';

  function base64url(bytes) {
    var s = '';
    new Uint8Array(bytes).forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function text(s) {
    return new TextEncoder().encode(s);
  }

  function sign(claims) {
    var head = base64url(text(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
    var body = base64url(text(JSON.stringify(claims)));
    return crypto.subtle
      .importKey('raw', text(DEMO_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      .then(function (key) { return crypto.subtle.sign('HMAC', key, text(head + '.' + body)); })
      .then(function (mac) { return head + '.' + body + '.' + base64url(mac); });
  }

  var boxes = document.querySelectorAll('[data-demo-signed-in]');
  [].forEach.call(boxes, function (box) {
    var now = Math.floor(Date.now() / 1000);
    sign({ sub: 'demo-reader', name: box.getAttribute('data-demo-name') || 'Демо-читатель', iat: now, exp: now + 600 })
      .then(function (token) {
        box.setAttribute('data-comments-token', token);
        box.setAttribute('data-comments-article', box.getAttribute('data-demo-signed-in'));
        if (window.commentModerationWidget) window.commentModerationWidget.mount();
      })
      .catch(function () {
        box.textContent = 'Демо-вход недоступен: браузер не дал Web Crypto (нужен https или localhost).';
      });
  });
})();
