// Branch points of a Solidity source, found in the solc AST (parse-only, no imports needed).
//
// Shared by the Hardhat plugin (which instruments every branch point it can) and by the report
// (scripts/coverage.ts). Offsets are solc `src` offsets, i.e. UTF-8 BYTE offsets into the source.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The kinds of branch point. Each has two outcomes ("true"/"false"), except try/catch and Yul. */
export type BranchKind =
  | 'if' // IfStatement: condition true / false (explicit else or implicit fall-through)
  | 'ternary' // Conditional `c ? a : b`: c true / false
  | 'and' // `a && b`: a true (b evaluated) / a false (short-circuit)
  | 'or' // `a || b`: a true (short-circuit) / a false (b evaluated)
  | 'require' // require(c, ...): c true (passes) / c false (reverts)
  | 'assert' // assert(c): c true / c false (panics)
  | 'try' // try/catch: one outcome per clause (success clause + each catch clause)
  | 'yul'; // inline assembly `if` / `switch`: never instrumented, always "unmeasured"

export interface BranchPoint {
  kind: BranchKind;
  /** Byte range of the whole construct (if statement, conditional, binary operation, call, try). */
  start: number;
  end: number;
  /**
   * Byte range of the boolean expression that decides the branch (the condition; for && / || the
   * LEFT operand). Absent for try/catch and Yul.
   */
  cond?: { start: number; end: number };
  /** For try/catch: byte offset just after the `{` of each clause block, in clause order. */
  clauseBlockStarts?: number[];
  /** Names of the outcomes, e.g. ["true","false"] or ["success","catch Error","catch"]. */
  outcomes: string[];
  /**
   * false when the construct is outside a function/modifier body (e.g. a state variable
   * initializer) or in inline assembly: it cannot be instrumented and is reported "unmeasured".
   */
  instrumentable: boolean;
}

type AstNode = { nodeType?: string; src?: string; [k: string]: unknown };

function range(node: AstNode): { start: number; end: number } {
  const [s, l] = String(node.src).split(':').map(Number);
  if (s === undefined || l === undefined || s < 0) throw new Error(`bad src ${String(node.src)}`);
  return { start: s, end: s + l };
}

/** Parses `source` with solc (stopAfter: parsing) and returns its AST. Throws on syntax errors. */
export function parseSolidity(source: string, name = 'Source.sol'): AstNode {
  const solc = require('solc') as { compile(input: string): string };
  const out = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: 'Solidity',
        sources: { [name]: { content: source } },
        settings: { stopAfter: 'parsing', outputSelection: { '*': { '': ['ast'] } } },
      }),
    ),
  ) as {
    errors?: { severity: string; formattedMessage: string }[];
    sources?: Record<string, { ast: AstNode }>;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0)
    throw new Error(`solc could not parse ${name}:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const ast = out.sources?.[name]?.ast;
  if (ast === undefined) throw new Error(`solc returned no AST for ${name}`);
  return ast;
}

/** All branch points of a parsed source unit, in document order (by start, then outer first). */
export function findBranchPoints(ast: AstNode): BranchPoint[] {
  const points: BranchPoint[] = [];

  const visit = (value: unknown, inBody: boolean): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, inBody);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as AstNode;
    const t = node.nodeType;

    if (t === 'FunctionDefinition' || t === 'ModifierDefinition') {
      // Parameters, modifiers invocations, return parameters: not body code.
      for (const [k, v] of Object.entries(node)) {
        if (k === 'body') visit(v, true);
        else visit(v, false);
      }
      return;
    }
    if (t === 'InlineAssembly') {
      visitYul(node.AST);
      return;
    }

    if (t === 'IfStatement') {
      points.push({
        kind: 'if',
        ...range(node),
        cond: range(node.condition as AstNode),
        outcomes: ['true', 'false'],
        instrumentable: inBody,
      });
    } else if (t === 'Conditional') {
      points.push({
        kind: 'ternary',
        ...range(node),
        cond: range(node.condition as AstNode),
        outcomes: ['true', 'false'],
        instrumentable: inBody,
      });
    } else if (t === 'BinaryOperation' && (node.operator === '&&' || node.operator === '||')) {
      const and = node.operator === '&&';
      points.push({
        kind: and ? 'and' : 'or',
        ...range(node),
        cond: range(node.leftExpression as AstNode),
        // outcome names describe the LEFT operand's value
        outcomes: and
          ? ['left true (right evaluated)', 'left false (short-circuit)']
          : ['left true (short-circuit)', 'left false (right evaluated)'],
        instrumentable: inBody,
      });
    } else if (t === 'FunctionCall') {
      const callee = node.expression as AstNode;
      const args = (node.arguments as AstNode[] | undefined) ?? [];
      if (
        callee?.nodeType === 'Identifier' &&
        (callee.name === 'require' || callee.name === 'assert') &&
        args.length >= 1
      ) {
        points.push({
          kind: callee.name === 'require' ? 'require' : 'assert',
          ...range(node),
          cond: range(args[0] as AstNode),
          outcomes: ['true (passes)', 'false (reverts)'],
          instrumentable: inBody,
        });
      }
    } else if (t === 'TryStatement') {
      const clauses = (node.clauses as AstNode[] | undefined) ?? [];
      const outcomes = clauses.map((c, i) =>
        i === 0 ? 'success' : `catch${c.errorName ? ` ${String(c.errorName)}` : ''}`,
      );
      const clauseBlockStarts = clauses.map((c) => range(c.block as AstNode).start + 1);
      points.push({ kind: 'try', ...range(node), clauseBlockStarts, outcomes, instrumentable: inBody });
    }

    for (const v of Object.values(node)) visit(v, inBody);
  };

  const visitYul = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visitYul(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const node = value as AstNode;
    if (node.nodeType === 'YulIf') {
      points.push({ kind: 'yul', ...range(node), outcomes: ['if true', 'if false'], instrumentable: false });
    } else if (node.nodeType === 'YulSwitch') {
      const cases = (node.cases as AstNode[] | undefined) ?? [];
      const outcomes = cases.map((c) =>
        c.value === 'default' ? 'default' : `case ${JSON.stringify((c.value as AstNode)?.value ?? '?')}`,
      );
      if (!cases.some((c) => c.value === 'default')) outcomes.push('no case matched');
      points.push({ kind: 'yul', ...range(node), outcomes, instrumentable: false });
    }
    for (const v of Object.values(node)) visitYul(v);
  };

  visit(ast, false);
  points.sort((a, b) => a.start - b.start || b.end - a.end);
  return points;
}

/** 1-based line number of a byte offset. */
export function lineOfByte(buf: Buffer, byteOffset: number): number {
  let line = 1;
  for (let i = 0; i < byteOffset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}
