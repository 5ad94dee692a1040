// Merkle tree builders for the sale allowlists and the vesting schedules. Used by the tests, by
// scripts/build-vesting-tree.ts and (later) by the deploy and indexer code. Both trees are
// @openzeppelin/merkle-tree StandardMerkleTrees (double-hashed leaves), matching the contracts:
//   SaleManager allowlist leaf:  ["address", "uint8"]  = (buyer, roundId)
//   MerkleVesting leaf:          VESTING_LEAF_TYPES    = (index, account, amount, tgeBps, cliff, duration, revocable)
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { getAddress, isAddress, type Address, type Hex } from 'viem';

// ---------------------------------------------------------------------------------------------
// Sale allowlists
// ---------------------------------------------------------------------------------------------

export const SALE_ALLOWLIST_LEAF_TYPES = ['address', 'uint8'] as const;

export const ROUND = { PRIVATE_A: 0, PRIVATE_B: 1, PRIVATE_C: 2, PUBLIC: 3 } as const;

export type SaleAllowlistLeaf = [Address, number];

export interface SaleAllowlist {
  roundId: number;
  root: Hex;
  tree: StandardMerkleTree<SaleAllowlistLeaf>;
  /** Proof for `account`; throws if it is not on the list. */
  proof(account: Address): Hex[];
  has(account: Address): boolean;
}

/** Builds the allowlist of one private round (addresses are checksummed and deduplicated). */
export function buildSaleAllowlist(roundId: number, accounts: readonly string[]): SaleAllowlist {
  if (!Number.isInteger(roundId) || roundId < 0 || roundId > 255) throw new Error(`bad roundId ${roundId}`);
  if (accounts.length === 0) throw new Error('empty allowlist');
  const unique = [...new Set(accounts.map((a) => normalizeAddress(a)))];
  const tree = StandardMerkleTree.of<SaleAllowlistLeaf>(
    unique.map((a) => [a, roundId]),
    [...SALE_ALLOWLIST_LEAF_TYPES],
  );
  const indexOf = new Map<string, number>();
  for (const [i, [account]] of tree.entries()) indexOf.set(account.toLowerCase(), i);
  return {
    roundId,
    root: tree.root as Hex,
    tree,
    has: (account) => indexOf.has(account.toLowerCase()),
    proof(account) {
      const i = indexOf.get(account.toLowerCase());
      if (i === undefined) throw new Error(`${account} is not on the round ${roundId} allowlist`);
      return tree.getProof(i) as Hex[];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Vesting schedules
// ---------------------------------------------------------------------------------------------

export const VESTING_LEAF_TYPES = [
  'uint256',
  'address',
  'uint256',
  'uint16',
  'uint64',
  'uint64',
  'bool',
] as const;

/** One vesting allocation; the same shape as MerkleVesting.Allocation (viem struct argument). */
export interface VestingAllocation {
  index: bigint;
  account: Address;
  amount: bigint;
  tgeBps: number;
  cliff: bigint;
  duration: bigint;
  revocable: boolean;
}

export type VestingLeaf = [string, string, string, number, string, string, boolean];

export interface VestingTree {
  root: Hex;
  tree: StandardMerkleTree<VestingLeaf>;
  allocations: VestingAllocation[];
  /** Sum of all amounts: the funding to pass to MerkleVesting.createSchedule. */
  total: bigint;
  proof(index: bigint | number): Hex[];
  allocation(index: bigint | number): VestingAllocation;
}

const UINT64_MAX = (1n << 64n) - 1n;

export function validateAllocation(a: VestingAllocation): void {
  if (a.index < 0n) throw new Error(`index ${a.index}: negative`);
  if (!isAddress(a.account)) throw new Error(`index ${a.index}: bad account ${a.account}`);
  if (a.amount <= 0n) throw new Error(`index ${a.index}: amount must be > 0`);
  if (!Number.isInteger(a.tgeBps) || a.tgeBps < 0 || a.tgeBps > 10_000) {
    throw new Error(`index ${a.index}: tgeBps must be 0..10000`);
  }
  if (a.cliff < 0n || a.cliff > UINT64_MAX) throw new Error(`index ${a.index}: cliff out of range`);
  if (a.duration < 0n || a.duration > UINT64_MAX) throw new Error(`index ${a.index}: duration out of range`);
}

export function toVestingLeaf(a: VestingAllocation): VestingLeaf {
  return [
    a.index.toString(),
    getAddress(a.account),
    a.amount.toString(),
    a.tgeBps,
    a.cliff.toString(),
    a.duration.toString(),
    a.revocable,
  ];
}

/** Builds a vesting tree; indices must be unique (claims are tracked per index on-chain). */
export function buildVestingTree(allocations: readonly VestingAllocation[]): VestingTree {
  if (allocations.length === 0) throw new Error('no allocations');
  const seen = new Set<bigint>();
  const normalized = allocations.map((a) => {
    validateAllocation(a);
    if (seen.has(a.index)) throw new Error(`duplicate index ${a.index}`);
    seen.add(a.index);
    return { ...a, account: getAddress(a.account) };
  });
  const tree = StandardMerkleTree.of<VestingLeaf>(normalized.map(toVestingLeaf), [...VESTING_LEAF_TYPES]);
  const byIndex = new Map<bigint, { alloc: VestingAllocation; treeIndex: number }>();
  for (const [treeIndex, leaf] of tree.entries()) {
    const alloc = normalized.find((a) => a.index === BigInt(leaf[0]))!;
    byIndex.set(alloc.index, { alloc, treeIndex });
  }
  const get = (index: bigint | number) => {
    const entry = byIndex.get(BigInt(index));
    if (!entry) throw new Error(`no allocation with index ${index}`);
    return entry;
  };
  return {
    root: tree.root as Hex,
    tree,
    allocations: normalized,
    total: normalized.reduce((sum, a) => sum + a.amount, 0n),
    proof: (index) => tree.getProof(get(index).treeIndex) as Hex[],
    allocation: (index) => get(index).alloc,
  };
}

/** JSON output of the CLI: root, total and each allocation with its proof (bigints as strings). */
export function vestingTreeToJson(t: VestingTree) {
  return {
    root: t.root,
    total: t.total.toString(),
    leafEncoding: [...VESTING_LEAF_TYPES],
    claims: t.allocations.map((a) => ({
      index: a.index.toString(),
      account: a.account,
      amount: a.amount.toString(),
      tgeBps: a.tgeBps,
      cliff: a.cliff.toString(),
      duration: a.duration.toString(),
      revocable: a.revocable,
      proof: t.proof(a.index),
    })),
    tree: t.tree.dump(),
  };
}

// ---------------------------------------------------------------------------------------------
// Parsing (CLI and deploy inputs)
// ---------------------------------------------------------------------------------------------

type RawAllocation = Record<string, unknown>;

function normalizeAddress(value: string): Address {
  if (!isAddress(value, { strict: false })) throw new Error(`bad address ${value}`);
  return getAddress(value);
}

function toBigInt(value: unknown, field: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return BigInt(value.trim());
  throw new Error(`${field}: expected a non-negative integer, got ${String(value)}`);
}

function toBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === '') return false;
  const s = String(value).trim().toLowerCase();
  if (s === 'true' || s === '1' || s === 'yes') return true;
  if (s === 'false' || s === '0' || s === 'no') return false;
  throw new Error(`revocable: expected true/false, got ${String(value)}`);
}

/** Turns loosely typed rows (JSON objects or CSV records) into allocations. A missing index
 * defaults to the row position. Amounts are base units (wei). */
export function parseAllocations(rows: readonly RawAllocation[]): VestingAllocation[] {
  return rows.map((row, i) => {
    const index =
      row.index === undefined || row.index === '' ? BigInt(i) : toBigInt(row.index, `row ${i} index`);
    return {
      index,
      account: normalizeAddress(String(row.account ?? '')),
      amount: toBigInt(row.amount, `row ${i} amount`),
      tgeBps: Number(toBigInt(row.tgeBps ?? 0, `row ${i} tgeBps`)),
      cliff: toBigInt(row.cliff ?? 0, `row ${i} cliff`),
      duration: toBigInt(row.duration ?? 0, `row ${i} duration`),
      revocable: toBool(row.revocable),
    };
  });
}

/** Minimal CSV (header line, comma separated, no quoted commas): index,account,amount,tgeBps,cliff,duration,revocable */
export function parseAllocationsCsv(text: string): VestingAllocation[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length < 2) throw new Error('CSV needs a header line and at least one row');
  const header = lines[0]!.split(',').map((h) => h.trim());
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length)
      throw new Error(`CSV row has ${cells.length} cells, header has ${header.length}: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  return parseAllocations(rows);
}
