import { z } from 'zod';
import { defineActor, persist, reply } from '../runtime/index.ts';

/** Example in-memory actor (no journal): the cheapest message path, used by the tell benchmark. */
export type CounterProtocol = {
  add: { payload: { n: number }; reply: { total: number } };
  get: { payload: Record<string, never>; reply: { total: number } };
};

export const counter = defineActor<{ total: number }, CounterProtocol, { n: number }>({
  kind: 'counter',
  persistence: 'memory',
  initialState: () => ({ total: 0 }),
  schemas: {
    add: z.object({ n: z.number().int().safe() }),
    get: z.object({}),
  },
  handlers: {
    add: (state, { n }) => persist([{ n }], { total: state.total + n }),
    get: (state) => reply({ total: state.total }),
  },
  apply: (state, event) => ({ total: state.total + event.n }),
});
