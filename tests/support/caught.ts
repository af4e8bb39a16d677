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
