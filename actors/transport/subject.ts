/**
 * NATS subject rules, checked the same way by every bus so a subject that works in-process also
 * works on NATS (and fails the same way when it would not).
 *
 * A subject is tokens separated by `.` (`market.BTC-USDT.trades`); no token is empty and none holds
 * whitespace. A subscription pattern may use `*` for exactly one token and `>` as its last token for
 * one or more trailing tokens. Wildcards count only as whole tokens on NATS (`a*` is a literal
 * there), which is easy to misread, so a `*` or `>` inside a token is refused outright.
 */
import { InvalidSubjectError, TransportErrorCode } from './errors.ts';

const WHITESPACE = /\s/;

/**
 * Checks a concrete subject a message is published to.
 *
 * @throws InvalidSubjectError with `SUBJECT_EMPTY_TOKEN`, `SUBJECT_WHITESPACE` or
 *   `SUBJECT_WILDCARD_IN_PUBLISH`.
 */
export function validateSubject(subject: string): void {
  checkCommon(subject);
  if (subject.includes('*') || subject.includes('>')) {
    throw new InvalidSubjectError(
      TransportErrorCode.SUBJECT_WILDCARD_IN_PUBLISH,
      subject,
      'wildcards are only allowed in subscriptions',
    );
  }
}

/**
 * Checks a subscription pattern (or a stream's subject filter) and returns its tokens.
 *
 * @throws InvalidSubjectError with `SUBJECT_EMPTY_TOKEN`, `SUBJECT_WHITESPACE` or
 *   `SUBJECT_MISPLACED_WILDCARD`.
 */
export function validatePattern(pattern: string): readonly string[] {
  const tokens = checkCommon(pattern);
  tokens.forEach((token, i) => {
    if (token === '*' || (token === '>' && i === tokens.length - 1)) return;
    if (token === '>') {
      throw new InvalidSubjectError(
        TransportErrorCode.SUBJECT_MISPLACED_WILDCARD,
        pattern,
        "'>' must be the last token",
      );
    }
    if (token.includes('*') || token.includes('>')) {
      throw new InvalidSubjectError(
        TransportErrorCode.SUBJECT_MISPLACED_WILDCARD,
        pattern,
        `wildcards must be whole tokens, not part of ${JSON.stringify(token)}`,
      );
    }
  });
  return tokens;
}

/**
 * Whether a validated subject's tokens match a validated pattern's tokens: `*` matches one token,
 * a final `>` one or more.
 */
export function subjectMatches(pattern: readonly string[], subject: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const token = pattern[i]!;
    if (token === '>') return subject.length > i;
    if (i >= subject.length) return false;
    if (token !== '*' && token !== subject[i]) return false;
  }
  return pattern.length === subject.length;
}

function checkCommon(subject: string): string[] {
  if (WHITESPACE.test(subject)) {
    throw new InvalidSubjectError(
      TransportErrorCode.SUBJECT_WHITESPACE,
      subject,
      'whitespace is not allowed',
    );
  }
  const tokens = subject.split('.');
  if (tokens.some((token) => token === '')) {
    throw new InvalidSubjectError(
      TransportErrorCode.SUBJECT_EMPTY_TOKEN,
      subject,
      subject === '' ? 'a subject cannot be empty' : 'tokens cannot be empty',
    );
  }
  return tokens;
}
