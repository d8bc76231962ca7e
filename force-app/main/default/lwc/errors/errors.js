/**
 * One reducer for every error shape Pacer meets, so the error panel and the toasts read the same way
 * everywhere:
 * - UI API / LDS errors (`lightning/uiRecordApi` rejections, wire errors): `{ body: { message } }`,
 *   `{ body: [{ message }] }`, `body.pageErrors`, `body.fieldErrors`, `body.output.errors`,
 *   `body.output.fieldErrors`;
 * - GraphQL: the `errors` array of a response (`[{ message, path, locations }]`), a whole response
 *   `{ data, errors }`, and the engine's `Error` carrying `.errors` (reviewModelFromResponses);
 * - JavaScript `Error`s, plain `{ message }` objects, fetch-like `{ statusText }`, strings.
 */

/** Keeps the first occurrence of each message, in order, without blanks. */
function unique(messages) {
  const seen = new Set();
  const out = [];
  for (const message of messages) {
    const text = typeof message === 'string' ? message.trim() : '';
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

/** `{ field: [{ message }] }` → messages (UI API fieldErrors maps a field name to its errors). */
function fieldErrorMessages(fieldErrors) {
  if (!fieldErrors || typeof fieldErrors !== 'object') {
    return [];
  }
  return Object.values(fieldErrors).flatMap((errors) =>
    (Array.isArray(errors) ? errors : [errors]).flatMap(messagesOf)
  );
}

/** The messages held in a UI API error body (object or array). */
function bodyMessages(body) {
  if (typeof body === 'string') {
    return [body];
  }
  if (Array.isArray(body)) {
    return body.flatMap(messagesOf);
  }
  if (!body || typeof body !== 'object') {
    return [];
  }
  const output = body.output || {};
  const detailed = [
    ...(Array.isArray(output.errors) ? output.errors.flatMap(messagesOf) : []),
    ...fieldErrorMessages(output.fieldErrors),
    ...(Array.isArray(body.pageErrors) ? body.pageErrors.flatMap(messagesOf) : []),
    ...fieldErrorMessages(body.fieldErrors),
    ...(Array.isArray(body.errors) ? body.errors.flatMap(messagesOf) : [])
  ];
  // The top-level message of a record-write error is a generic summary
  // ("An error occurred while trying to update the record."): keep it only when nothing more
  // precise is given.
  if (detailed.length > 0) {
    return detailed;
  }
  return typeof body.message === 'string' ? [body.message] : [];
}

/** The messages of one error value, whatever its shape. */
function messagesOf(error) {
  if (error === null || error === undefined) {
    return [];
  }
  if (typeof error === 'string') {
    return [error];
  }
  if (Array.isArray(error)) {
    return error.flatMap(messagesOf);
  }
  if (typeof error !== 'object') {
    return [String(error)];
  }
  if (error.body !== undefined && error.body !== null) {
    const fromBody = bodyMessages(error.body);
    if (fromBody.length > 0) {
      return fromBody;
    }
  }
  // A GraphQL response or the engine's Error with the response's `errors` array attached.
  if (Array.isArray(error.errors) && error.errors.length > 0) {
    return error.errors.flatMap(messagesOf);
  }
  if (typeof error.message === 'string' && error.message) {
    return [error.message];
  }
  if (typeof error.statusText === 'string' && error.statusText) {
    return [error.statusText];
  }
  return [];
}

/**
 * Reduces one error or a list of errors of any shape to the readable messages they hold.
 * Unknown shapes contribute nothing rather than "[object Object]".
 * @param {*} errors an error, a list of errors, or nothing
 * @returns {string[]} distinct, non-empty messages in the order they were found
 */
export function reduceErrors(errors) {
  return unique(messagesOf(errors));
}

/**
 * The messages of `errors` as one line for a toast, or `fallback` when there is none.
 * @param {*} errors any error shape `reduceErrors` understands
 * @param {string} [fallback] text used when the errors carry no message
 * @returns {string}
 */
export function errorText(errors, fallback = '') {
  const messages = reduceErrors(errors);
  return messages.length > 0 ? messages.join(' ') : fallback;
}
