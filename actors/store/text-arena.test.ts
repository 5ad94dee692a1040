import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextArena } from './text-arena.ts';

describe('text arena', () => {
  test('every text reads back as stored, across chunk boundaries and with multi-byte characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 3_000 }), { minLength: 1, maxLength: 400 }),
        (texts) => {
          const arena = new TextArena();
          const stored = texts.map((text) => {
            const ref = arena.put(text);
            return { ref, bytes: arena.lastBytes, text };
          });
          for (const { ref, bytes, text } of stored) {
            expect(bytes).toBe(Buffer.byteLength(text));
            expect(arena.text(ref, bytes)).toBe(text);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  test('a text larger than a shared chunk gets its own, and later texts still read back', () => {
    const arena = new TextArena();
    const small = arena.put('before');
    const smallBytes = arena.lastBytes;
    const large = 'é'.repeat(2_000_000);
    const ref = arena.put(large);
    const largeBytes = arena.lastBytes;
    const after = arena.put('after ✓');
    const afterBytes = arena.lastBytes;
    expect(arena.text(ref, largeBytes)).toBe(large);
    expect(arena.text(small, smallBytes)).toBe('before');
    expect(arena.text(after, afterBytes)).toBe('after ✓');
  });

  test('chunks grow past the first: a megabyte of small texts reads back', () => {
    const arena = new TextArena();
    const refs: [number, number, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      const text = `{"seq":${i},"pad":"${'x'.repeat(i % 97)}"}`;
      refs.push([arena.put(text), arena.lastBytes, text]);
    }
    for (const [ref, bytes, text] of refs) expect(arena.text(ref, bytes)).toBe(text);
  });
});
