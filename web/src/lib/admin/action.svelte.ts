import { describeError } from '$lib/api/errors.ts';
import { ApiError } from '$lib/api/errors.ts';
import { validReason } from './access.ts';

/**
 * One admin page's pending command: every command needs a reason (the audit log keeps it). A
 * command asked for with a valid reason runs at once; otherwise (or when it must be confirmed,
 * like a balance adjustment) it waits for Confirm. The result (or the typed error) is shown once.
 */
export interface Pending {
  readonly label: string;
  readonly run: (reason: string) => Promise<string | void>;
  readonly confirm: boolean;
}

export class AdminAction {
  reason = $state('');
  pending = $state<Pending | null>(null);
  busy = $state(false);
  result = $state<{ ok: boolean; text: string } | null>(null);

  /** Asks for a command; `confirm` makes it wait for an explicit Confirm even with a reason. */
  request(label: string, run: Pending['run'], options: { confirm?: boolean } = {}): void {
    this.result = null;
    this.pending = { label, run, confirm: options.confirm ?? false };
    if (!this.pending.confirm && validReason(this.reason)) void this.confirm();
  }

  async confirm(): Promise<void> {
    const pending = this.pending;
    if (!pending || this.busy) return;
    if (!validReason(this.reason)) {
      this.result = { ok: false, text: 'Give a reason (3 to 500 characters): it goes to the audit log.' };
      return;
    }
    this.busy = true;
    try {
      const text = await pending.run(this.reason.trim());
      this.result = { ok: true, text: text || `${pending.label}: done.` };
      this.pending = null;
    } catch (error) {
      const code = error instanceof ApiError ? ` (${error.code})` : '';
      this.result = { ok: false, text: `${pending.label}: ${describeError(error)}${code}` };
      this.pending = null;
    } finally {
      this.busy = false;
    }
  }

  cancel(): void {
    this.pending = null;
  }
}
