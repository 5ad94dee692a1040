/**
 * A secret value that cannot leak by accident: logging it, `JSON.stringify`, template strings and
 * `util.inspect` all print `[REDACTED]`. Only an explicit `reveal()` gives the value, which makes
 * every place that uses a secret easy to find.
 */
export class Redacted<T = string> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return '[REDACTED]';
  }

  toJSON(): string {
    return '[REDACTED]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[REDACTED]';
  }
}
