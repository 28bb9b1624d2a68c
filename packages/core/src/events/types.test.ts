import { describe, expectTypeOf, it } from 'vitest';
import { createMachine } from '../machine/machine.js';
import { token } from '../di/token.js';
import { BusToken } from '../di/tokens.js';
import type { Bus } from '../memory/bus.js';
import type { ExceptionEvent, SysregEvent } from './events.js';

/*
 * Type-level contracts, enforced by `pnpm typecheck` (tsc over the tests): a misspelt event
 * name, a wrong payload or a token of the wrong type must not compile. The runtime part only
 * makes the file a valid test.
 */
describe('typed events and tokens', () => {
  it('types listeners by event name', () => {
    const m = createMachine({});
    m.events.on('exception', (e) => expectTypeOf(e).toEqualTypeOf<ExceptionEvent>());
    m.events.on('sysreg', (e) => expectTypeOf(e.op).toEqualTypeOf<'read' | 'write'>());
    // @ts-expect-error: no such event
    m.events.on('exceptoin', () => undefined);
    // @ts-expect-error: the payload of 'sysreg' is not an ExceptionEvent
    m.events.on('sysreg', (e: ExceptionEvent) => e);
    // @ts-expect-error: emitting with the wrong payload
    m.events.emit('sysreg', { cpu: m.cpus[0]! } satisfies Partial<SysregEvent>);
  });

  it('carries the resolved type on a token', () => {
    const m = createMachine({});
    expectTypeOf(m.get(BusToken)).toEqualTypeOf<Bus>();
    const Mine = token<{ depth: number }>('test/mine');
    m.container.register(Mine, { useValue: { depth: 3 } });
    expectTypeOf(m.get(Mine)).toEqualTypeOf<{ depth: number }>();
    // @ts-expect-error: a Bus token does not give a number
    const n: number = m.get(BusToken);
    void n;
  });
});
