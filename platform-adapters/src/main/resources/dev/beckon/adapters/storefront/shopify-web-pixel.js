/*
 * Beckon for Shopify: a custom Web Pixel (Shopify admin > Settings > Customer events > Add custom pixel).
 * A pixel sees Shopify's standard events in a sandbox, also on pages where theme scripts do not run.
 * Beckon's shop settings show this code with the collector URL filled in; paste it, save, then "Connect".
 *
 * The pixel's sandbox posts from its own origin: if the collector answers 403 "Origin '…' is not one of this shop's
 * storefront origins", add that origin in Beckon's shop settings. The visitor id is Shopify's clientId (first-party).
 */
const BECKON = 'https://BECKON_HOST/collect/SHOP_ID?key=PUBLIC_KEY';

function post(event) {
  fetch(BECKON, {
    method: 'POST', body: JSON.stringify(event), keepalive: true, credentials: 'omit',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' }
  }).catch(() => {});
}

function base(type, event, variant) {
  return {
    type,
    visitorId: event.clientId,
    eventId: event.id,
    occurredAt: event.timestamp,
    url: event.context.document.location.href,
    productId: variant.product.id,
    variantId: variant.id,
    price: variant.price ? String(variant.price.amount) : undefined,
    currency: variant.price ? variant.price.currencyCode : undefined,
    customerId: init.data.customer ? init.data.customer.id : undefined
  };
}

analytics.subscribe('product_viewed', (event) => {
  post(base('product_viewed', event, event.data.productVariant));
});

analytics.subscribe('product_added_to_cart', (event) => {
  const line = event.data.cartLine;
  post({ ...base('added_to_cart', event, line.merchandise), quantity: line.quantity });
});
