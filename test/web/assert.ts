/**
 * The part of Node's `assert` the suites use, for the web worker (it has no Node modules): scripts/web-tests.mjs
 * bundles it in place of `assert`. Same semantics as Node's strict mode for what the suites compare: primitives by
 * Object.is, objects by prototype and own enumerable properties, arrays, dates, regular expressions, maps and sets.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | Error | undefined, fallback: () => string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback());
}

const show = (v: unknown): string => {
  try { return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x: unknown) => x instanceof Map || x instanceof Set ? [...x] : x) ?? String(v); } catch { return String(v); }
};

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, () => `The expression evaluated to a falsy value: ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, () => `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, () => `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqual(actual, expected)) fail(message, () => `Expected values to be strictly deep-equal:\n${show(actual)}\n!==\n${show(expected)}`);
}

export function match(value: string, regExp: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !regExp.test(value)) fail(message, () => `The input did not match the regular expression ${regExp}. Input:\n${show(value)}`);
}

export async function rejects(block: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp, message?: string | Error): Promise<void> {
  try {
    await (typeof block === 'function' ? block() : block);
  } catch (e) {
    if (expected && !expected.test(String(e))) fail(message, () => `The error did not match ${expected}: ${String(e)}`);
    return;
  }
  fail(message, () => 'Missing expected rejection.');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    return a.size === m.size && [...a].every(([k, v]) => m.has(k) && deepEqual(v, m.get(k)));
  }
  if (a instanceof Set) {
    const s = b as Set<unknown>;
    return a.size === s.size && [...a].every(v => s.has(v));
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return keys.length === Object.keys(other).length && keys.every(k => Object.prototype.hasOwnProperty.call(other, k) && deepEqual((a as Record<string, unknown>)[k], other[k]));
}
