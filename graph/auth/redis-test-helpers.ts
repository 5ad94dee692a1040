/**
 * A Redis connection for one test file with a key prefix of its own, and cleanup that deletes
 * exactly the keys under that prefix (the server may be shared with other runs).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisUrl } from '../../test/services.ts';

export interface TestRedis {
  readonly redis: Redis;
  readonly prefix: string;
  /** Keys under the prefix, for assertions about what the store left behind. */
  keys(): Promise<string[]>;
  /** Deletes every key under the prefix and disconnects. */
  cleanup(): Promise<void>;
}

export function testRedis(name: string): TestRedis {
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: 1 });
  const prefix = `test:${name}:${Date.now().toString(36)}:${randomBytes(4).toString('hex')}`;
  const keys = async (): Promise<string[]> => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return found;
  };
  return {
    redis,
    prefix,
    keys,
    async cleanup() {
      const found = await keys();
      if (found.length > 0) await redis.del(...found);
      await redis.quit();
    },
  };
}
