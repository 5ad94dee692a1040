import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { ErrorCode } from './errors.ts';

/**
 * The custom scalars. Decimals travel as strings and are checked by a strict regex (no exponent,
 * no leading zeros, bounded digits) so a float, "1e9" or a 400-digit number is refused at the
 * boundary, before any resolver runs, with BAD_USER_INPUT.
 */

const DECIMAL = /^-?(0|[1-9]\d{0,29})(\.\d{1,30})?$/;
const POSITIVE = /^(0|[1-9]\d{0,29})(\.\d{1,30})?$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

function stringLiteral(ast: ValueNode, type: string): string {
  if (ast.kind !== Kind.STRING) throw badInput(`${type} must be given as a string, e.g. "0.5"`);
  return ast.value;
}

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw badInput(
      `Decimal must be a decimal string (up to 30 integer and 30 fraction digits), got ${show(value)}`,
    );
  }
  return value;
}

function parsePositive(value: unknown): string {
  if (typeof value !== 'string' || !POSITIVE.test(value) || !/[1-9]/.test(value)) {
    throw badInput(`PositiveDecimal must be a decimal string greater than zero, got ${show(value)}`);
  }
  return value;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  serialize: (value) => parseDecimal(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(stringLiteral(ast, 'Decimal')),
});

export const PositiveDecimalScalar = new GraphQLScalarType({
  name: 'PositiveDecimal',
  serialize: (value) => parsePositive(value),
  parseValue: parsePositive,
  parseLiteral: (ast) => parsePositive(stringLiteral(ast, 'PositiveDecimal')),
});

/** Latest instant accepted (year 9999), so a huge number is refused rather than wrapped. */
const MAX_TIME = 253_402_300_799_999;

function parseTimestamp(value: unknown): number {
  if (typeof value === 'string') {
    const millis = /^\d{1,15}$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isSafeInteger(millis) && millis >= 0 && millis <= MAX_TIME) return millis;
  }
  throw badInput(
    `Timestamp must be an ISO-8601 string or epoch milliseconds as a string, got ${show(value)}`,
  );
}

export const TimestampScalar = new GraphQLScalarType({
  name: 'Timestamp',
  serialize: (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new TypeError('Timestamp must be epoch ms');
    return new Date(value).toISOString();
  },
  parseValue: parseTimestamp,
  parseLiteral: (ast) => parseTimestamp(stringLiteral(ast, 'Timestamp')),
});
