import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.ts';

describe('codegen', () => {
  it('codegen - graph/generated/resolvers.ts matches graph/schema.graphql (run `npm run codegen`)', async () => {
    // In memory (no write), from local files only: no network.
    const outputs: { filename: string; content: string }[] = await generate(
      { ...config, cwd: new URL('..', import.meta.url).pathname, silent: true },
      false,
    );
    const fresh = outputs.find((o) => o.filename.endsWith('graph/generated/resolvers.ts'));
    const committed = readFileSync(new URL('./generated/resolvers.ts', import.meta.url), 'utf8');
    expect(fresh?.content).toBe(committed);
  });
});
