import type { MachineConfig } from '../config/schema.js';
import type { CostAccounting } from '../cost/accounting.js';
import type { CostModel } from '../cost/model.js';
import type { EventBus } from '../events/bus.js';
import type { InterruptController } from '../cpu/interrupts.js';
import type { Machine } from '../machine/machine.js';
import type { Bus } from '../memory/bus.js';
import type { SysRegRegistry } from '../sysreg/registry.js';
import type { Prng } from '../util/prng.js';
import { token } from './token.js';

/** Services every machine registers in its own child container. */
export const MachineToken = token<Machine>('Machine');
export const ConfigToken = token<MachineConfig>('MachineConfig');
export const EventsToken = token<EventBus>('EventBus');
export const BusToken = token<Bus>('Bus');
export const SysRegsToken = token<SysRegRegistry>('SysRegRegistry');
export const PrngToken = token<Prng>('Prng');
export const CostModelToken = token<CostModel>('CostModel');
export const CostAccountingToken = token<CostAccounting>('CostAccounting');
/** Registered by a board (e.g. board-virt's GIC); extensions raise lines through it. */
export const InterruptControllerToken = token<InterruptController>('InterruptController');
