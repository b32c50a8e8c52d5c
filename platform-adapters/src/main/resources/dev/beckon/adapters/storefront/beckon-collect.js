/*
 * Beckon storefront collector. No dependencies, ES5, about 2 KB without this comment.
 *
 * Paste into the storefront's theme, once per page:
 *
 *   <script async src="https://BECKON_HOST/collect/beckon-collect.js"
 *           data-shop="SHOP_ID" data-key="PUBLIC_KEY"></script>
 *
 * Optional attributes: data-endpoint="https://BECKON_HOST" (default: where this file was loaded from) and
 * data-consent="required" (send nothing, and store no visitor id, until beckon.grantConsent() is called, e.g. from
 * the cookie banner).
 *
 * Then report events; calls made before the script loads are queued if you define the stub first:
 *
 *   window.beckon = window.beckon || []; // stub: beckon.push(['productViewed', {...}])
 *   beckon.productViewed({ productId: '123', variantId: '456', price: '19.90', currency: 'EUR' });
 *   beckon.addedToCart({ productId: '123', variantId: '456', quantity: 2, price: '19.90', currency: 'EUR' });
 *   beckon.identify('customer-id'); // optional: a logged-in customer's id, sent with later events
 *
 * Each event is POSTed to {endpoint}/collect/{shop}?key={key} as text/plain JSON with navigator.sendBeacon (no CORS
 * preflight, survives page unload), falling back to fetch(keepalive). The visitor id is first-party: a random id in
 * this storefront's localStorage ("beckon_vid"), never a cross-site cookie.
 */
(function (w, d) {
  'use strict';
  var script = d.currentScript;
  if (!script || (w.beckon && w.beckon.productViewed)) { return; }
  var shop = script.getAttribute('data-shop');
  var key = script.getAttribute('data-key');
  var endpoint = script.getAttribute('data-endpoint') || new URL(script.src).origin;
  var consented = script.getAttribute('data-consent') !== 'required';
  var customerId = null;
  var memoryId = null;

  function randomId() {
    if (w.crypto && w.crypto.randomUUID) { return w.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    w.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function visitorId() {
    try {
      var id = w.localStorage.getItem('beckon_vid');
      if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
        id = randomId();
        w.localStorage.setItem('beckon_vid', id);
      }
      return id;
    } catch (e) { // storage blocked: one id for this page view
      return memoryId || (memoryId = randomId());
    }
  }

  function send(type, data) {
    if (!consented || !shop || !key || !data || data.productId == null) { return; }
    var event = {
      type: type,
      visitorId: visitorId(),
      productId: String(data.productId),
      url: w.location.origin + w.location.pathname, // no query: it can hold e-mails or tokens
      occurredAt: new Date().toISOString(),
      eventId: randomId()
    };
    if (data.variantId != null) { event.variantId = String(data.variantId); }
    if (data.quantity != null) { event.quantity = data.quantity; }
    if (data.price != null) { event.price = String(data.price); event.currency = data.currency; }
    if (customerId) { event.customerId = customerId; }
    var url = endpoint + '/collect/' + encodeURIComponent(shop) + '?key=' + encodeURIComponent(key);
    var body = JSON.stringify(event);
    var sent = false;
    try { sent = !!(w.navigator.sendBeacon && w.navigator.sendBeacon(url, body)); } catch (e) { sent = false; }
    if (!sent && w.fetch) {
      w.fetch(url, {
        method: 'POST', body: body, keepalive: true, credentials: 'omit', mode: 'cors',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' }
      }).catch(function () { /* a lost event is not worth an error in the shop's console */ });
    }
  }

  var api = {
    productViewed: function (data) { send('product_viewed', data); },
    addedToCart: function (data) { send('added_to_cart', data); },
    identify: function (id) { customerId = id == null ? null : String(id); },
    grantConsent: function () { consented = true; },
    push: function (call) { if (call && typeof api[call[0]] === 'function') { api[call[0]](call[1]); } }
  };
  var queued = Array.isArray(w.beckon) ? w.beckon : [];
  w.beckon = api;
  queued.forEach(api.push);
})(window, document);
