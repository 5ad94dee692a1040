import type { DeadlineToken, Deadlines, Expirable } from './deadlines.ts';
import type { ActorError } from './errors.ts';
import { AskTimeoutError } from './errors.ts';

/**
 * The waiting side of an ask: settles once, by reply, by typed error or by timeout. A class (not
 * closures) because one is made per ask on the hottest path.
 */
export class PendingReply implements Expirable {
  private settled = false;
  private readonly token: DeadlineToken;

  constructor(
    private readonly onValue: (value: unknown) => void,
    private readonly onError: (error: ActorError) => void,
    private readonly deadlines: Deadlines,
    private readonly timeoutMs: number,
    private readonly address: string,
    private readonly type: string,
  ) {
    this.token = deadlines.add(timeoutMs, this);
  }

  resolve(value: unknown): void {
    if (this.settle()) this.onValue(value);
  }

  reject(error: ActorError): void {
    if (this.settle()) this.onError(error);
  }

  /** Called by `Deadlines` when the time is up. */
  expire(): void {
    if (this.settle()) this.onError(new AskTimeoutError(this.address, this.type, this.timeoutMs));
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.deadlines.cancel(this.token);
    return true;
  }
}
