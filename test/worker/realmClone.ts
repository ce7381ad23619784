/**
 * structuredClone as postMessage does it between the page and a worker. Jest runs tests in a vm context,
 * but Node's structuredClone builds its copy in Node's own realm, where a Date is not `instanceof` the
 * test's Date (a browser worker has no such split: the copy is built in the receiving realm). So the copy
 * is moved into this realm afterwards. Only values the clone itself made Dates become Dates here: if the
 * clone lost a Date, the tests still see that.
 */
export function structuredCloneHere<T>(value: T): T {
  return intoThisRealm(structuredClone(value)) as T;
}

function intoThisRealm(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Object.prototype.toString.call(value) === "[object Date]") return new Date(Date.prototype.getTime.call(value));
  if (Array.isArray(value)) return value.map(intoThisRealm);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, intoThisRealm(inner)]));
}
