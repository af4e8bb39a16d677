/** The error `fn` throws, checked to be of the expected class; any other outcome fails the test. */
export function caught<E extends Error>(fn: () => unknown, type: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

/** The error a promise rejects with, checked to be of the expected class; a resolved promise fails the test. */
export async function rejected<E extends Error>(p: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const outcome = await p.then(
    () => ({ resolved: true as const }),
    (e: unknown) => ({ resolved: false as const, e }),
  );
  if (outcome.resolved) throw new Error(`expected a ${type.name}, but the promise resolved`);
  if (outcome.e instanceof type) return outcome.e;
  throw outcome.e;
}
