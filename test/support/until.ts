// Waiting for a state, not a duration: tests repeat an attempt until it says it is done, bounded by a
// generous deadline that only stops a test that would otherwise hang (it never judges speed).

/** Repeats `attempt` until it returns something other than undefined, for at most `ms`. */
export async function until<T>(
  attempt: () => Promise<T | undefined>,
  ms = 60_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`not done within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
