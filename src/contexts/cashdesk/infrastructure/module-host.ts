/**
 * The software fiscal modules of the registers this server hosts: one directory per module under
 * `<data dir>/cashdesk/modules/<module number>` (docs/fiscal-module.md "Memory"). A module is opened
 * once and kept open (its lock file holds it for this process); the keys never leave it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModuleHost } from '../application/ports.ts';
import type { FiscalModulePort } from './fiscal-module/port.ts';
import { openSoftwareFiscalModule, type SoftwareFiscalModule } from './fiscal-module/software-fiscal-module.ts';

/** Module numbers are letters, digits and '-' (the module refuses others): nothing can climb out of the directory. */
const SAFE_NUMBER = /^[0-9A-Za-z-]{1,40}$/;

export function createModuleHost(directory: () => string, options: { readonly capacity?: number } = {}): ModuleHost {
  const opened = new Map<string, Promise<SoftwareFiscalModule>>();
  const turns = new Map<string, Promise<unknown>>();

  const pathOf = (number: string) => {
    if (!SAFE_NUMBER.test(number)) throw new Error(`not a fiscal module number: ${JSON.stringify(number)}`);
    return join(directory(), number);
  };

  function openAt(number: string): Promise<SoftwareFiscalModule> {
    let module = opened.get(number);
    if (!module) {
      module = openSoftwareFiscalModule({ directory: pathOf(number), ...(options.capacity ? { capacity: options.capacity } : {}) });
      opened.set(number, module);
      module.catch(() => opened.delete(number));
    }
    return module;
  }

  return {
    create: (number): Promise<FiscalModulePort> => openAt(number),
    async open(number) {
      // A module whose memory is gone is not silently replaced by a blank one: no module is connected.
      if (!opened.has(number) && !existsSync(join(pathOf(number), 'state.json'))) return undefined;
      return openAt(number);
    },
    exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
      const before = turns.get(key) ?? Promise.resolve();
      const run = before.then(work, work);
      const settled = run.catch(() => undefined);
      turns.set(key, settled);
      void settled.then(() => {
        if (turns.get(key) === settled) turns.delete(key);
      });
      return run;
    },
    async close() {
      const all = [...opened.values()];
      opened.clear();
      await Promise.all(all.map(async (m) => (await m.catch(() => undefined))?.close()));
    },
  };
}
