// Builds a MerkleVesting schedule tree from a CSV or JSON allocation file and writes the root,
// the total to fund and every claim with its proof as JSON.
//
// Usage (from contracts/, Node >= 22 for type stripping, e.g. via the Node bundled for hardhat.sh):
//   node scripts/build-vesting-tree.ts <allocations.csv|allocations.json> [out.json]
//
// CSV header: index,account,amount,tgeBps,cliff,duration,revocable   (amount in wei, cliff and
// duration in seconds; index optional -> row number; revocable true/false).
// JSON: an array of objects with the same fields (numbers or decimal strings), or { "allocations": [...] }.
// Output: { root, total, leafEncoding, claims: [{ index, account, amount, tgeBps, cliff, duration,
// revocable, proof }], tree } (tree = StandardMerkleTree.dump(), loadable with StandardMerkleTree.load).
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  buildVestingTree,
  parseAllocations,
  parseAllocationsCsv,
  vestingTreeToJson,
  type VestingAllocation,
} from '../test/helpers/allowlist.ts';

export function readAllocations(path: string): VestingAllocation[] {
  const text = readFileSync(path, 'utf8');
  if (extname(path).toLowerCase() === '.csv') return parseAllocationsCsv(text);
  const parsed: unknown = JSON.parse(text);
  const rows = Array.isArray(parsed) ? parsed : (parsed as { allocations?: unknown }).allocations;
  if (!Array.isArray(rows)) throw new Error('JSON input must be an array or { allocations: [...] }');
  return parseAllocations(rows as Record<string, unknown>[]);
}

function main(argv: string[]): void {
  const [input, output] = argv;
  if (!input) {
    console.error('usage: node scripts/build-vesting-tree.ts <allocations.csv|allocations.json> [out.json]');
    process.exit(2);
  }
  const tree = buildVestingTree(readAllocations(input));
  const json = JSON.stringify(vestingTreeToJson(tree), null, 2) + '\n';
  if (output) {
    writeFileSync(output, json);
    console.error(
      `root ${tree.root}, ${tree.allocations.length} allocations, total ${tree.total} -> ${output}`,
    );
  } else {
    process.stdout.write(json);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2));
}
