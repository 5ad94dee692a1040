/**
 * Which node hosts which shards, and on which ports. `npm start` runs the first node with all
 * shards; environment variables (see actors/config.ts) override per process.
 */
export interface ClusterConfig {
  /** Shard host processes per node; addresses map to shards by `shardOf(address, shards)`. */
  readonly shards: number;
  readonly nodes: readonly { readonly id: string; readonly host: string; readonly port: number }[];
}

const cluster: ClusterConfig = {
  shards: 2,
  nodes: [{ id: 'node-1', host: '127.0.0.1', port: 8080 }],
};

export default cluster;
