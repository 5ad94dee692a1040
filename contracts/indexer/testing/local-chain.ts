import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPublicClient, createTestClient, createWalletClient, http } from 'viem';
import type { Abi, Address, Hex, PublicClient, TestClient, WalletClient } from 'viem';
import { hardhat } from 'viem/chains';

/**
 * A local Hardhat node (Hardhat 3 on the Node 22 binary, contracts/hardhat.sh) with the project's
 * compiled contracts, for the indexer's tests and benchmark. Deploys straight from the build
 * artifacts with viem.
 */

const CONTRACTS_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(CONTRACTS_DIR, 'artifacts', 'contracts');

export interface LocalChain {
  readonly url: string;
  readonly publicClient: PublicClient;
  readonly wallet: WalletClient;
  readonly test: TestClient;
  /** Hardhat's funded, unlocked accounts. */
  readonly accounts: readonly Address[];
  deploy(name: string, args?: readonly unknown[], from?: Address): Promise<{ address: Address; abi: Abi }>;
  /** Sends a contract call and waits for its receipt; throws if it reverted. */
  call(
    contract: { address: Address; abi: Abi },
    fn: string,
    args?: readonly unknown[],
    from?: Address,
  ): Promise<void>;
  stop(): Promise<void>;
}

/** Compiles the contracts (a no-op when the build is current). */
export function buildContracts(): void {
  const result = spawnSync('sh', [join(CONTRACTS_DIR, 'hardhat.sh'), 'build', '--quiet'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`hardhat build failed:\n${result.stderr}${result.stdout}`);
}

function artifact(name: string): { abi: Abi; bytecode: Hex } {
  for (const dir of ['', 'mocks']) {
    const file = join(ARTIFACTS, dir, `${name}.sol`, `${name}.json`);
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { abi: Abi; bytecode: Hex };
      return { abi: json.abi, bytecode: json.bytecode };
    }
  }
  throw new Error(`no artifact for ${name} under ${ARTIFACTS} (run ./hardhat.sh build)`);
}

/** Every compiled contract's ABI by name (the indexer's tests compare their event signatures). */
export function compiledAbis(): Map<string, Abi> {
  const abis = new Map<string, Abi>();
  for (const file of readdirSync(ARTIFACTS)) {
    if (!file.endsWith('.sol')) continue;
    const name = file.slice(0, -4);
    abis.set(name, artifact(name).abi);
  }
  return abis;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForRpc(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hardhat node exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`hardhat node did not answer on ${url}:\n${output()}`);
}

export async function startLocalChain(): Promise<LocalChain> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('sh', [join(CONTRACTS_DIR, 'hardhat.sh'), 'node', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitForRpc(url, child, () => log);

  const transport = http(url, { batch: { batchSize: 100, wait: 0 }, retryCount: 0, timeout: 120_000 });
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 }) as PublicClient;
  const wallet = createWalletClient({ chain: hardhat, transport });
  const test = createTestClient({ chain: hardhat, mode: 'hardhat', transport });
  const accounts = await wallet.getAddresses();

  return {
    url,
    publicClient,
    wallet,
    test,
    accounts,
    async deploy(name, args = [], from = accounts[0]!) {
      const { abi, bytecode } = artifact(name);
      const hash = await wallet.deployContract({
        abi,
        bytecode,
        args: [...args],
        account: from,
        chain: hardhat,
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (!receipt.contractAddress) throw new Error(`deploying ${name} failed`);
      return { address: receipt.contractAddress, abi };
    },
    async call(contract, fn, args = [], from = accounts[0]!) {
      const hash = await wallet.writeContract({
        address: contract.address,
        abi: contract.abi,
        functionName: fn,
        args: [...args],
        account: from,
        chain: hardhat,
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`${fn} reverted`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
