import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

/** A node started as `npm start` starts it (actors/node.ts in its own process), for end-to-end tests. */
export interface RunningNode {
  readonly child: ChildProcess;
  /** `http://host:port` */
  readonly base: string;
  /** Everything the node printed so far. */
  readonly output: () => string;
}

/** Starts a node with `env` added to this process's environment; resolves once it printed its URLs. */
export function startNode(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'actors/node.ts'], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /health\s+(http:\/\/[\d.:]+)\/healthz/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}:\n${output}`));
    });
  });
}

export function stopNode(node: RunningNode, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (node.child.exitCode !== null) return resolve(node.child.exitCode);
    node.child.once('exit', (code) => resolve(code));
    node.child.kill(signal);
  });
}
