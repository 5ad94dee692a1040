import { describe, expect, it } from 'vitest';
import { Mailbox } from './mailbox.ts';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('mailbox', () => {
  it('mailbox - the next item starts only after the previous async item has settled', async () => {
    const log: string[] = [];
    const mailbox = new Mailbox<string>(async (item) => {
      log.push(`start ${item}`);
      await tick();
      await tick();
      log.push(`end ${item}`);
    });
    mailbox.enqueue('a');
    mailbox.enqueue('b');
    mailbox.enqueue('c');
    for (let i = 0; i < 10; i++) await tick();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('mailbox - does not run the handler on the sender stack', () => {
    const seen: number[] = [];
    const mailbox = new Mailbox<number>((n) => {
      seen.push(n);
    });
    mailbox.enqueue(1);
    expect(seen).toEqual([]);
    expect(mailbox.depth).toBe(1);
  });

  it('mailbox - system items run first and still run while suspended', async () => {
    const seen: string[] = [];
    const mailbox = new Mailbox<string>((s) => {
      seen.push(s);
    });
    mailbox.suspend();
    mailbox.enqueue('user-1');
    mailbox.enqueueSystem('sys-1');
    await tick();
    expect(seen).toEqual(['sys-1']);
    mailbox.enqueueSystem('sys-2');
    mailbox.resume();
    await tick();
    expect(seen).toEqual(['sys-1', 'sys-2', 'user-1']);
  });

  it('mailbox - clear returns what was waiting and empties both lanes', () => {
    const mailbox = new Mailbox<string>(() => undefined);
    mailbox.suspend();
    mailbox.enqueue('u');
    mailbox.enqueueSystem('s');
    expect(mailbox.clear()).toEqual(['s', 'u']);
    expect(mailbox.depth).toBe(0);
  });

  it('mailbox - keeps order across many items (queue compaction)', async () => {
    const seen: number[] = [];
    const mailbox = new Mailbox<number>((n) => {
      seen.push(n);
    });
    for (let i = 0; i < 20_000; i++) mailbox.enqueue(i);
    await tick();
    expect(seen.length).toBe(20_000);
    expect(seen.every((n, i) => n === i)).toBe(true);
  });
});
