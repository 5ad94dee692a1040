// Coverage gate for the contracts workspace: line, statement AND branch coverage.
//
//   node --import tsx scripts/coverage.ts [options] [-- <extra args for `hardhat test`>]
//
// 1. Runs `./hardhat.sh --config scripts/coverage/hardhat.config.ts test --coverage` (the project
//    config plus the branch-probe plugin in scripts/coverage/), unless --no-run.
// 2. Reads Hardhat's line coverage (coverage/lcov.info), the statement tags and branch probes the
//    plugin recorded (coverage/qt-branch/*.json) and the hits EDR collected (coverage/data/**.json).
// 3. Prints a per-file table, writes coverage/summary.json and coverage/lcov.branches.info (lcov
//    with BRDA lines), and exits 1 when lines < --lines (95) or branches < --branches (90) over the
//    included files (contracts/ minus mocks/, test/, fixtures/), or when the tests failed.
// See docs/coverage.md for what exactly is measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileMap } from './coverage/solidity-hooks.ts';

export const LINE_THRESHOLD = 95;
export const BRANCH_THRESHOLD = 90;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Ratio {
  hit: number;
  total: number;
  pct: number;
}
export interface BranchDetail {
  line: number;
  kind: string;
  snippet: string;
  outcome: string;
  status: 'taken' | 'not taken' | 'unmeasured';
}
export interface FileSummary {
  path: string;
  included: boolean;
  /** false when the plugin wrote no map for this file (run without it): statements/branches unknown */
  hasBranchData: boolean;
  lines: Ratio;
  statements: Ratio;
  /** hit = outcomes taken; total = all outcomes incl. unmeasured (which count as NOT covered) */
  branches: Ratio & { unmeasured: number };
  branchDetails: BranchDetail[];
  uncoveredLines: number[];
}
export interface Summary {
  generatedAt: string;
  thresholds: { lines: number; branches: number };
  testsPassed: boolean | null;
  files: FileSummary[];
  total: { lines: Ratio; statements: Ratio; branches: Ratio & { unmeasured: number } };
  pass: boolean;
  failures: string[];
}

const ratio = (hit: number, total: number): Ratio => ({
  hit,
  total,
  pct: total === 0 ? 100 : Math.floor((hit / total) * 10000) / 100,
});

/** Files that never count toward the totals: mocks, test helpers, fixtures. */
export function isExcluded(relPath: string): boolean {
  const p = relPath.split(path.sep).join('/');
  return (
    !p.startsWith('contracts/') || /(^|\/)(mocks?|test|tests|fixtures?)\//.test(p) || p.endsWith('.t.sol')
  );
}

function parseLcov(text: string): Map<string, Map<number, number>> {
  const files = new Map<string, Map<number, number>>();
  let current: Map<number, number> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('SF:')) {
      current = new Map();
      files.set(line.slice(3), current);
    } else if (line.startsWith('DA:') && current) {
      const [l, c] = line.slice(3).split(',').map(Number);
      if (l !== undefined && c !== undefined) current.set(l, Math.max(current.get(l) ?? 0, c));
    } else if (line === 'end_of_record') current = undefined;
  }
  return files;
}

function readHits(coverageDir: string): Set<string> {
  const hits = new Set<string>();
  const dataDir = path.join(coverageDir, 'data');
  if (!existsSync(dataDir)) return hits;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) {
        const entries = JSON.parse(readFileSync(p, 'utf8')) as Record<string, number>;
        for (const [tag, count] of Object.entries(entries))
          if (count > 0) hits.add(tag.toLowerCase().replace(/^0x/, ''));
      }
    }
  };
  walk(dataDir);
  return hits;
}

/** Builds the summary from a finished `hardhat test --coverage` run (with the plugin loaded). */
export function summarize(opts: {
  root: string;
  lineThreshold: number;
  branchThreshold: number;
  testsPassed: boolean | null;
  only?: string[];
}): Summary {
  const coverageDir = path.join(opts.root, 'coverage');
  const failures: string[] = [];
  const lcovPath = path.join(coverageDir, 'lcov.info');
  if (!existsSync(lcovPath)) throw new Error(`${lcovPath} not found: did the coverage run happen?`);
  const lcov = parseLcov(readFileSync(lcovPath, 'utf8'));
  const mapDir = path.join(coverageDir, 'qt-branch');
  const maps = new Map<string, FileMap>();
  if (existsSync(mapDir)) {
    for (const f of readdirSync(mapDir).filter((n) => n.endsWith('.json'))) {
      const m = JSON.parse(readFileSync(path.join(mapDir, f), 'utf8')) as FileMap;
      maps.set(m.relativePath.split(path.sep).join('/'), m);
    }
  }
  const hits = readHits(coverageDir);
  const included = (p: string) =>
    opts.only && opts.only.length > 0 ? opts.only.includes(p) : !isExcluded(p);

  const files: FileSummary[] = [];
  for (const rel of [...new Set([...lcov.keys(), ...maps.keys()])].sort()) {
    const inc = included(rel);
    const da = lcov.get(rel) ?? new Map<number, number>();
    const map = maps.get(rel);
    if (inc && map === undefined)
      failures.push(`${rel}: no branch data (was the run made with scripts/coverage/hardhat.config.ts?)`);
    if (inc && !lcov.has(rel) && (map?.statements.length ?? 0) > 0)
      failures.push(`${rel}: not in coverage/lcov.info`);
    if (map !== undefined && existsSync(path.join(opts.root, rel))) {
      const now = createHash('sha256')
        .update(readFileSync(path.join(opts.root, rel)))
        .digest('hex');
      if (now !== map.contentSha256 && inc) failures.push(`${rel}: changed since the coverage run; rerun`);
    }
    const stmtHit = (map?.statements ?? []).filter((s) => hits.has(s.tag)).length;
    const branchDetails: BranchDetail[] = [];
    for (const b of map?.branches ?? []) {
      for (const o of b.outcomes) {
        const status =
          o.id === null ? 'unmeasured' : hits.has(o.id.replace(/^0x/, '')) ? 'taken' : 'not taken';
        branchDetails.push({ line: b.line, kind: b.kind, snippet: b.snippet, outcome: o.name, status });
      }
    }
    const taken = branchDetails.filter((d) => d.status === 'taken').length;
    files.push({
      path: rel,
      included: inc,
      hasBranchData: map !== undefined,
      lines: ratio([...da.values()].filter((c) => c > 0).length, da.size),
      statements: ratio(stmtHit, map?.statements.length ?? 0),
      branches: {
        ...ratio(taken, branchDetails.length),
        unmeasured: branchDetails.filter((d) => d.status === 'unmeasured').length,
      },
      branchDetails,
      uncoveredLines: [...da.entries()]
        .filter(([, c]) => c === 0)
        .map(([l]) => l)
        .sort((a, b) => a - b),
    });
  }

  const inc = files.filter((f) => f.included);
  const sum = (pick: (f: FileSummary) => Ratio) =>
    ratio(
      inc.reduce((a, f) => a + pick(f).hit, 0),
      inc.reduce((a, f) => a + pick(f).total, 0),
    );
  const total = {
    lines: sum((f) => f.lines),
    statements: sum((f) => f.statements),
    branches: { ...sum((f) => f.branches), unmeasured: inc.reduce((a, f) => a + f.branches.unmeasured, 0) },
  };
  if (inc.some((f) => !f.hasBranchData)) {
    // never report a percentage over files we know nothing about
    total.statements.pct = 0;
    total.branches.pct = 0;
  }
  if (inc.length === 0) failures.push('no contracts to measure');
  if (opts.testsPassed === false) failures.push('tests failed');
  if (total.lines.pct < opts.lineThreshold)
    failures.push(`line coverage ${total.lines.pct}% < ${opts.lineThreshold}%`);
  if (total.branches.pct < opts.branchThreshold)
    failures.push(`branch coverage ${total.branches.pct}% < ${opts.branchThreshold}%`);
  return {
    generatedAt: new Date().toISOString(),
    thresholds: { lines: opts.lineThreshold, branches: opts.branchThreshold },
    testsPassed: opts.testsPassed,
    files,
    total,
    pass: failures.length === 0,
    failures,
  };
}

export function formatTable(s: Summary): string {
  const fmt = (r: Ratio) => `${r.pct.toFixed(2)}% (${r.hit}/${r.total})`;
  const rows = [['File', 'Lines', 'Statements', 'Branches', 'Unmeasured']];
  for (const f of s.files) {
    rows.push([
      f.included ? f.path : `${f.path} (excluded)`,
      fmt(f.lines),
      f.hasBranchData ? fmt(f.statements) : 'no data',
      f.hasBranchData ? fmt(f.branches) : 'no data',
      f.hasBranchData ? String(f.branches.unmeasured) : '-',
    ]);
  }
  rows.push([
    'Total (included files)',
    fmt(s.total.lines),
    fmt(s.total.statements),
    fmt(s.total.branches),
    String(s.total.branches.unmeasured),
  ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const sep = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out = [line(rows[0]!), sep, ...rows.slice(1, -1).map(line), sep, line(rows[rows.length - 1]!)];
  const missing = s.files
    .filter((f) => f.included)
    .flatMap((f) =>
      f.branchDetails
        .filter((d) => d.status !== 'taken')
        .map((d) => `  ${f.path}:${d.line} ${d.kind} \`${d.snippet}\` -> ${d.outcome}: ${d.status}`),
    );
  if (missing.length > 0) out.push('', 'Branch outcomes not covered (included files):', ...missing);
  const lines = s.files
    .filter((f) => f.included && f.uncoveredLines.length > 0)
    .map((f) => `  ${f.path}: ${toRanges(f.uncoveredLines)}`);
  if (lines.length > 0) out.push('', 'Uncovered lines (included files):', ...lines);
  return out.join('\n');
}

function toRanges(lines: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    out.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** lcov.info from Hardhat plus BRDA/BRF/BRH branch records (unmeasured outcomes as "-"). */
function writeLcovWithBranches(root: string, s: Summary): void {
  const src = readFileSync(path.join(root, 'coverage', 'lcov.info'), 'utf8');
  const byPath = new Map(s.files.map((f) => [f.path, f]));
  let current: FileSummary | undefined;
  const out: string[] = [];
  for (const l of src.split('\n')) {
    if (l.startsWith('SF:')) current = byPath.get(l.slice(3));
    if (l === 'end_of_record' && current) {
      const blocks = new Map<string, number>();
      current.branchDetails.forEach((d) => {
        const key = `${d.line}:${d.kind}:${d.snippet}`;
        if (!blocks.has(key)) blocks.set(key, blocks.size);
        out.push(
          `BRDA:${d.line},${blocks.get(key)},${d.outcome.replace(/,/g, ' ')},${d.status === 'taken' ? 1 : d.status === 'unmeasured' ? '-' : 0}`,
        );
      });
      out.push(`BRF:${current.branches.total}`, `BRH:${current.branches.hit}`);
    }
    out.push(l);
  }
  writeFileSync(path.join(root, 'coverage', 'lcov.branches.info'), out.join('\n'));
}

function usage(): never {
  console.log(`usage: node --import tsx scripts/coverage.ts [--no-run] [--lines N] [--branches N] [--only <file>]... [-- <hardhat test args>]
  --no-run       report on the existing coverage/ output instead of running the tests
  --lines N      minimum line coverage % (default ${LINE_THRESHOLD})
  --branches N   minimum branch coverage % (default ${BRANCH_THRESHOLD})
  --only FILE    measure only FILE (project-relative, repeatable) instead of contracts/ minus mocks
  after --       extra arguments for \`hardhat test\`, e.g. -- nodejs test/Staking.test.ts`);
  process.exit(2);
}

function main(argv: string[]): number {
  let run = true;
  let lineThreshold = LINE_THRESHOLD;
  let branchThreshold = BRANCH_THRESHOLD;
  const only: string[] = [];
  let extra: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) usage();
      return v;
    };
    if (a === '--no-run') run = false;
    else if (a === '--lines') lineThreshold = Number(val());
    else if (a === '--branches') branchThreshold = Number(val());
    else if (a === '--only') only.push(val());
    else if (a === '--') {
      extra = argv.slice(i + 1);
      break;
    } else usage();
  }
  if (!Number.isFinite(lineThreshold) || !Number.isFinite(branchThreshold)) usage();

  let testsPassed: boolean | null = null;
  if (run) {
    rmSync(path.join(ROOT, 'coverage'), { recursive: true, force: true });
    const args = ['--config', 'scripts/coverage/hardhat.config.ts', 'test', ...extra, '--coverage'];
    console.log(`$ ./hardhat.sh ${args.join(' ')}`);
    const r = spawnSync(path.join(ROOT, 'hardhat.sh'), args, { cwd: ROOT, stdio: 'inherit' });
    testsPassed = r.status === 0;
  }
  const summary = summarize({ root: ROOT, lineThreshold, branchThreshold, testsPassed, only });
  writeFileSync(path.join(ROOT, 'coverage', 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeLcovWithBranches(ROOT, summary);
  console.log(
    `\nLine / statement / branch coverage (thresholds: lines >= ${lineThreshold}%, branches >= ${branchThreshold}%)\n`,
  );
  console.log(formatTable(summary));
  console.log(`\nWrote coverage/summary.json and coverage/lcov.branches.info`);
  if (!summary.pass) {
    console.error(`\nCOVERAGE FAILED: ${summary.failures.join('; ')}`);
    return 1;
  }
  console.log('\nCoverage OK');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
