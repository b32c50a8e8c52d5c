/**
 * What every platform adapter reads payloads with: {@link dev.beckon.adapters.json.JsonView} for typed, exact,
 * fail-fast JSON-P reads that name the failing field, {@link dev.beckon.adapters.json.MalformedPayloadException}
 * for a signed body that does not hold what it promises, and {@link dev.beckon.adapters.json.Excerpt} to quote a
 * caller's value safely in a reason. Only for use inside the platform adapters.
 */
package dev.beckon.adapters.json;
