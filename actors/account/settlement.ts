import type { BookEvent, CommandEvents } from '../market/index.ts';
import type { AccountOrder, FollowUp, SettleBatch, SettleReply } from './types.ts';

/** How the exchange's components reach actors (in-process system or shard hosts over IPC). */
export type Ask = (
  address: string,
  type: string,
  payload: unknown,
  options?: { id?: string },
) => Promise<unknown>;

export interface SettlerOptions {
  /** Most commands per settlement round. Default 20,000. */
  readonly maxCommands?: number;
  /** Wait before retrying a round that failed (an account host down). Default 200 ms. */
  readonly retryMs?: number;
  /**
   * Most book events in one `settle` message to an account. An account's share of a round is sent
   * in order in several messages when larger (a catch-up after downtime can hold thousands of an
   * account's events); a command is never split, since settlement closes immediate orders at the
   * end of their command. Default 500.
   */
  readonly maxEventsPerMessage?: number;
  readonly onFollowUp?: (followUp: FollowUp) => void;
  /** Every fill price, for the order path's reference prices. */
  readonly onTrade?: (market: string, price: number) => void;
  readonly onError?: (error: unknown) => void;
  /** Every settled round's commands, in seq order, each once (market data folds them). */
  readonly onSettled?: (market: string, commands: readonly CommandEvents[]) => void;
  /** An account's orders a round changed, as settlement left them (per-account event streams). */
  readonly onAccountOrders?: (account: number, orders: readonly AccountOrder[]) => void;
}

/**
 * Settles one market: takes the market's events in seq order and gives each account its share
 * (`settle`), one round at a time; acks the market once a round is journaled by every account.
 *
 * Exactly once = at-least-once delivery + dedupe. Delivery: the order path pushes each command's
 * events as it gets them; a gap (a command sent by someone else, a lost push) is filled from the
 * market's outbox, which holds every event not yet acked, across crashes. A failed round is
 * retried whole. Dedupe: each account keeps the highest seq it settled per market, so a
 * redelivered round changes nothing. Rounds are strictly ordered, so an account never sees a
 * later seq before an earlier one.
 */
export class MarketSettler {
  /** Highest seq every account has settled. */
  #through = 0;
  /** Commands pushed live, by their first seq. */
  readonly #pushed = new Map<number, CommandEvents>();
  #waiters: { seq: number; resolve: () => void }[] = [];
  /** Orders someone waits to see settled, by id: filled in from the settle replies. */
  readonly #watched = new Map<number, AccountOrder | undefined>();
  #running = false;
  #stopped = false;
  readonly #maxCommands: number;
  readonly #retryMs: number;
  readonly #maxEventsPerMessage: number;

  constructor(
    readonly market: string,
    private readonly ask: Ask,
    private readonly options: SettlerOptions = {},
  ) {
    this.#maxCommands = options.maxCommands ?? 20_000;
    this.#retryMs = options.retryMs ?? 200;
    this.#maxEventsPerMessage = options.maxEventsPerMessage ?? 500;
  }

  get through(): number {
    return this.#through;
  }

  /** Events of one command, as the market replied them. */
  push(command: CommandEvents): void {
    const { events } = command;
    if (events.length === 0 || events[events.length - 1]!.seq <= this.#through) return;
    this.#pushed.set(events[0]!.seq, command);
    this.#pump();
  }

  /** Resolves once every event up to `seq` is settled. */
  settled(seq: number): Promise<void> {
    if (seq <= this.#through) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiters.push({ seq, resolve });
      this.#pump();
    });
  }

  /**
   * Resolves once every event up to `seq` is settled, with the order `orderId` as settlement left
   * it (undefined when no settled event touched it). Call it right after pushing the command.
   */
  async settledOrder(seq: number, orderId: number): Promise<AccountOrder | undefined> {
    if (!this.#watched.has(orderId)) this.#watched.set(orderId, undefined);
    try {
      await this.settled(seq);
      return this.#watched.get(orderId);
    } finally {
      this.#watched.delete(orderId);
    }
  }

  /** Settles whatever the market's outbox still holds (start-up after a crash). */
  catchUp(): Promise<void> {
    return this.#round(true).then(() => this.#pump());
  }

  stop(): void {
    this.#stopped = true;
  }

  #pump(): void {
    if (this.#running || this.#stopped) return;
    if (this.#pushed.size === 0 && this.#waiters.length === 0) return;
    this.#running = true;
    void this.#loop().finally(() => {
      this.#running = false;
      if (!this.#stopped && (this.#pushed.size > 0 || this.#waiters.length > 0)) this.#pump();
    });
  }

  async #loop(): Promise<void> {
    while (!this.#stopped && (this.#pushed.size > 0 || this.#waiters.length > 0)) {
      await this.#round(false);
    }
  }

  /** One round: contiguous pushed commands, or the outbox when there is a gap or nothing pushed. */
  async #round(fromOutbox: boolean): Promise<void> {
    let commands = fromOutbox ? [] : this.#contiguous();
    if (commands.length === 0) commands = await this.#retrying(() => this.#fromOutbox());
    if (commands.length === 0) {
      if (this.#pushed.size === 0) {
        // Nothing left anywhere: whoever waits for a seq we never saw was settled before (acked).
        this.#release(Number.MAX_SAFE_INTEGER);
      } else {
        // Pushed commands after a gap the outbox does not show yet: look again shortly.
        await new Promise((resolve) => setTimeout(resolve, this.#retryMs));
      }
      return;
    }
    await this.#retrying(() => this.#deliver(commands));
    const last = commands[commands.length - 1]!.events;
    this.#through = last[last.length - 1]!.seq;
    this.options.onSettled?.(this.market, commands);
    for (const key of this.#pushed.keys()) if (key <= this.#through) this.#pushed.delete(key);
    this.#release(this.#through);
    this.ask(`market/${this.market}`, 'ack', { through: this.#through }).catch(() => {
      // A lost ack only keeps events in the outbox longer; the next one covers it.
    });
  }

  #contiguous(): CommandEvents[] {
    const commands: CommandEvents[] = [];
    let next = this.#through + 1;
    for (;;) {
      const command = this.#pushed.get(next);
      if (!command || commands.length >= this.#maxCommands) return commands;
      commands.push(command);
      next = command.events[command.events.length - 1]!.seq + 1;
    }
  }

  async #fromOutbox(): Promise<CommandEvents[]> {
    const commands = (await this.ask(`market/${this.market}`, 'events', {
      after: this.#through,
      limit: this.#maxCommands,
    })) as CommandEvents[];
    return commands.filter(({ events }) => events[events.length - 1]!.seq > this.#through);
  }

  async #deliver(commands: readonly CommandEvents[]): Promise<void> {
    const byAccount = new Map<number, BookEvent[][]>();
    for (const { events } of commands) {
      const touched = new Map<number, BookEvent[]>();
      for (const event of events) {
        if (event.type === 'Fill') {
          add(touched, event.makerAccount, event);
          if (event.takerAccount !== event.makerAccount) add(touched, event.takerAccount, event);
          this.options.onTrade?.(this.market, event.price);
        } else if ('account' in event) {
          add(touched, event.account, event);
        }
      }
      for (const [account, own] of touched) {
        let list = byAccount.get(account);
        if (!list) byAccount.set(account, (list = []));
        list.push(own);
      }
    }
    const accounts = [...byAccount];
    const replies = await Promise.all(accounts.map(([account, own]) => this.#settleAccount(account, own)));
    replies.forEach((reply, i) => {
      if (reply.orders.length > 0) this.options.onAccountOrders?.(accounts[i]![0], reply.orders);
    });
    for (const reply of replies) {
      for (const followUp of reply.followUps) this.options.onFollowUp?.(followUp);
      if (this.#watched.size === 0) continue;
      for (const order of reply.orders) if (this.#watched.has(order.id)) this.#watched.set(order.id, order);
    }
  }

  /** One account's share of a round, in messages of at most `maxEventsPerMessage` events, in order. */
  async #settleAccount(account: number, own: BookEvent[][]): Promise<SettleReply> {
    const address = `account/${account}`;
    const send = (commands: BookEvent[][]) =>
      this.ask(address, 'settle', {
        market: this.market,
        commands,
      } satisfies SettleBatch) as Promise<SettleReply>;
    let events = 0;
    for (const command of own) events += command.length;
    if (events <= this.#maxEventsPerMessage) return send(own);
    const merged = { followUps: [] as FollowUp[], orders: new Map<number, AccountOrder>() };
    let chunk: BookEvent[][] = [];
    let size = 0;
    const flush = async () => {
      const reply = await send(chunk);
      merged.followUps.push(...reply.followUps);
      // A later message's copy of an order is the newer one.
      for (const order of reply.orders) merged.orders.set(order.id, order);
      chunk = [];
      size = 0;
    };
    for (const command of own) {
      if (size > 0 && size + command.length > this.#maxEventsPerMessage) await flush();
      chunk.push(command);
      size += command.length;
    }
    if (chunk.length > 0) await flush();
    return { followUps: merged.followUps, orders: [...merged.orders.values()] };
  }

  async #retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        this.options.onError?.(error);
        if (this.#stopped) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.#retryMs));
      }
    }
  }

  #release(seq: number): void {
    if (this.#waiters.length === 0) return;
    const still: { seq: number; resolve: () => void }[] = [];
    for (const waiter of this.#waiters) {
      if (waiter.seq <= seq) waiter.resolve();
      else still.push(waiter);
    }
    this.#waiters = still;
  }
}

function add(touched: Map<number, BookEvent[]>, account: number, event: BookEvent): void {
  if (!(account >= 1)) return;
  let list = touched.get(account);
  if (!list) touched.set(account, (list = []));
  list.push(event);
}
