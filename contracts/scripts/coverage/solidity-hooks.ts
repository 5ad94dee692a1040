// Solidity hook handlers of the branch-coverage plugin (see ./plugin.ts and docs/coverage.md).
//
// preprocessProjectFileBeforeBuilding runs as a chain; user plugins come before the built-in
// coverage plugin, so this handler is OUTSIDE Hardhat's own instrumentation: it passes the
// ORIGINAL source on (Hardhat/EDR statement instrumentation, line report and offsets unchanged),
// receives EDR's instrumented text back, and adds branch probes to that text:
//   * every if / ternary / require / assert condition and the left operand of every && and ||
//     becomes `__qtBranch_<h>(<cond>, 0x<id true>, 0x<id false>)`, a pure function that reports
//     one of the two ids to the EDR coverage precompile (the same channel as statement hits) and
//     returns <cond> unchanged;
//   * every try/catch clause block starts with `__NomicFoundationCoverage.sendHit(0x<id>);`.
// The probe ids (sha256 of source content + position + outcome) and the statement tags (the same
// deterministic tags Hardhat uses) are written to coverage/qt-branch/<hash>.json; the hits land
// in coverage/data/<run>/*.json through Hardhat's own collection. scripts/coverage.ts joins them.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HookContext, SolidityHooks } from 'hardhat/types/hooks';
import { type BranchPoint, findBranchPoints, lineOfByte, parseSolidity } from './branches.ts';

const require = createRequire(import.meta.url);

export const MAP_DIR = 'qt-branch';
const COVERAGE_IMPORT = /import "__NomicFoundationCoverage[^"]*\.sol";/;

function sha256(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}

function cmpVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

interface InsertOp {
  pos: number;
  text: string;
  /** ordering at equal pos: suffixes (0) before prefixes (1); inner suffix first, outer prefix first */
  group: number;
  span: number;
}

function applyInsertions(buf: Buffer, ops: InsertOp[]): Buffer {
  const sorted = [...ops].sort(
    (a, b) => a.pos - b.pos || a.group - b.group || (a.group === 0 ? a.span - b.span : b.span - a.span),
  );
  const parts: Buffer[] = [];
  let last = 0;
  for (const op of sorted) {
    parts.push(buf.subarray(last, op.pos), Buffer.from(op.text, 'utf8'));
    last = op.pos;
  }
  parts.push(buf.subarray(last));
  return Buffer.concat(parts);
}

export interface StatementMeta {
  tag: string;
  line: number;
}
export interface BranchMeta {
  kind: BranchPoint['kind'];
  line: number;
  snippet: string;
  instrumentable: boolean;
  outcomes: { name: string; id: string | null }[];
}
export interface FileMap {
  version: 1;
  inputSourceName: string;
  relativePath: string;
  contentSha256: string;
  statements: StatementMeta[];
  branches: BranchMeta[];
}

/** Instruments `instrumented` (EDR's output for `original`) with branch probes. Exported for tests. */
export function addBranchProbes(
  inputSourceName: string,
  original: string,
  instrumented: string,
): { source: string; branches: BranchMeta[] } {
  const origBuf = Buffer.from(original, 'utf8');
  const instBuf = Buffer.from(instrumented, 'utf8');
  const origPoints = findBranchPoints(parseSolidity(original, 'Original.sol'));
  const instPoints = findBranchPoints(parseSolidity(instrumented, 'Instrumented.sol'));
  const fail = (why: string): never => {
    throw new Error(`branch coverage: cannot match ${inputSourceName} to its EDR-instrumented text: ${why}`);
  };
  if (origPoints.length !== instPoints.length)
    fail(`${origPoints.length} vs ${instPoints.length} branch points`);

  const contentHash = sha256(origBuf);
  const helper = `__qtBranch_${sha256(inputSourceName).slice(0, 12)}`;
  const ops: InsertOp[] = [];
  const branches: BranchMeta[] = [];
  let usesHelper = false;

  origPoints.forEach((op, i) => {
    const ip = instPoints[i] as BranchPoint;
    if (
      op.kind !== ip.kind ||
      op.instrumentable !== ip.instrumentable ||
      op.outcomes.length !== ip.outcomes.length
    )
      fail(`point ${i} is ${op.kind} vs ${ip.kind}`);
    if (op.cond && ip.cond) {
      const a = origBuf.subarray(op.cond.start, op.cond.end);
      const b = instBuf.subarray(ip.cond.start, ip.cond.end);
      if (!a.equals(b)) fail(`condition text differs at point ${i}: ${a.toString()} vs ${b.toString()}`);
    }
    const id = (k: number) => `0x${sha256(`qt-branch|${contentHash}|${op.kind}|${op.start}|${op.end}|${k}`)}`;
    const firstLine = origBuf.subarray(op.start, op.end).toString('utf8').split('\n')[0] ?? '';
    const meta: BranchMeta = {
      kind: op.kind,
      line: lineOfByte(origBuf, op.start),
      snippet: firstLine.trim().slice(0, 70),
      instrumentable: op.instrumentable,
      outcomes: op.outcomes.map((name, k) => ({ name, id: op.instrumentable ? id(k) : null })),
    };
    branches.push(meta);
    if (!op.instrumentable) return;
    if (ip.cond) {
      usesHelper = true;
      const span = ip.cond.end - ip.cond.start;
      ops.push({ pos: ip.cond.start, text: `${helper}(`, group: 1, span });
      ops.push({ pos: ip.cond.end, text: `, ${id(0)}, ${id(1)})`, group: 0, span });
    } else if (ip.clauseBlockStarts) {
      ip.clauseBlockStarts.forEach((pos, k) => {
        ops.push({ pos, text: `__NomicFoundationCoverage.sendHit(${id(k)});`, group: 1, span: 0 });
      });
    }
  });

  let out = applyInsertions(instBuf, ops).toString('utf8');
  if (usesHelper) {
    out +=
      `\n/// @dev branch-coverage probe (scripts/coverage): reports which way a condition went.\n` +
      `function ${helper}(bool c, uint256 t, uint256 f) pure returns (bool) {\n` +
      `    __NomicFoundationCoverage.sendHit(c ? t : f);\n    return c;\n}\n`;
  }
  return { source: out, branches };
}

/** Statement tags exactly as Hardhat computes them (EDR, deterministic), with their lines. */
function statementMetadata(inputSourceName: string, original: string, solcVersion: string): StatementMeta[] {
  const edr = require('@nomicfoundation/edr') as {
    addStatementCoverageInstrumentation(
      src: string,
      id: string,
      v: string,
    ): {
      metadata: { kind: string; tag: Uint8Array; startUtf16: number; endUtf16: number }[];
    };
    latestSupportedSolidityVersion(): string;
  };
  const latest = edr.latestSupportedSolidityVersion();
  const version = cmpVersion(solcVersion, latest) <= 0 ? solcVersion : latest;
  const { metadata } = edr.addStatementCoverageInstrumentation(original, inputSourceName, version);
  return metadata
    .filter((m) => m.kind === 'statement')
    .map((m) => {
      // line of the first non-blank character of the statement (ranges include leading trivia)
      let start = m.startUtf16;
      while (start < m.endUtf16 && /\s/.test(original[start] ?? '')) start++;
      let line = 1;
      for (let i = 0; i < start; i++) if (original.charCodeAt(i) === 10) line++;
      return { tag: Buffer.from(m.tag).toString('hex'), line };
    });
}

async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, JSON.stringify(data, null, 1));
  await rename(tmp, file);
}

export default async (): Promise<Partial<SolidityHooks>> => ({
  preprocessProjectFileBeforeBuilding: async (
    context: HookContext,
    inputSourceName: string,
    fsPath: string,
    fileContent: string,
    solcVersion: string,
    next: (c: HookContext, n: string, f: string, content: string, v: string) => Promise<string>,
  ): Promise<string> => {
    const result = await next(context, inputSourceName, fsPath, fileContent, solcVersion);
    // Only files Hardhat itself instrumented (not test sources, not coverage.skipFiles).
    if (!context.globalOptions.coverage || !COVERAGE_IMPORT.test(result)) return result;

    const { source, branches } = addBranchProbes(inputSourceName, fileContent, result);
    const statements = statementMetadata(inputSourceName, fileContent, solcVersion);
    for (const s of statements) {
      if (!result.includes(`sendHit(0x${s.tag})`))
        throw new Error(
          `branch coverage: statement tag ${s.tag} of ${inputSourceName} is not in Hardhat's instrumented text`,
        );
    }
    const root = context.config.paths.root;
    const map: FileMap = {
      version: 1,
      inputSourceName,
      relativePath: path.relative(root, fsPath),
      contentSha256: sha256(Buffer.from(fileContent, 'utf8')),
      statements,
      branches,
    };
    await writeJsonAtomic(
      path.join(root, 'coverage', MAP_DIR, `${sha256(inputSourceName).slice(0, 16)}.json`),
      map,
    );
    return source;
  },
});
