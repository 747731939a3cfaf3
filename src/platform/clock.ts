/** The one source of "now". Domain code takes instants as arguments; use cases get a Clock. */
export type Clock = { readonly now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and simulations that moves only when told. */
export function fixedClock(start: Date | string): Clock & { set: (at: Date | string) => void; advance: (ms: number) => void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
