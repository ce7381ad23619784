/**
 * A set of listeners for the workbench's notifications. Every listener is called even when
 * an earlier one throws; the errors are then rethrown together, so none is lost.
 */
export class Listeners<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  /** Adds the listener; the returned function removes it (a second call does nothing). */
  add(listener: (...args: Args) => void): () => void {
    // A wrapper, so the same function added twice is called twice and removed once per unsubscribe.
    const entry = (...args: Args): void => listener(...args);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Calls each listener (a snapshot: listeners added or removed meanwhile do not change this round). */
  notify(...args: Args): unknown[] {
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}

/** Throws what listeners threw: the one error as it is, several as an AggregateError. */
export function rethrowListenerErrors(errors: readonly unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} workbook listeners failed`);
}
