import { describe, expect, it } from 'vitest';
import { InFlight } from '../../electron/core/base/in-flight.js';

/** A job that finishes when the test says so. */
function gate(): { promise: Promise<void>; open: () => void; fail: (e: Error) => void } {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('InFlight (an export writes a few files at once)', () => {
  it('never runs more than its limit at once, and drain waits for all', async () => {
    const window = new InFlight(2);
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const job = (k: number) => async () => {
      running++;
      most = Math.max(most, running);
      await gates[k]!.promise;
      running--;
    };
    await window.start(job(0));
    await window.start(job(1));
    const third = window.start(job(2)); // waits for a free slot
    expect(running).toBe(2);
    gates[0]!.open();
    await third;
    expect(running).toBe(2);
    gates[1]!.open();
    gates[2]!.open();
    await window.drain();
    expect(running).toBe(0);
    expect(most).toBe(2);
  });

  it('a failed job stops the next start and is rethrown by drain, without an unhandled rejection', async () => {
    const window = new InFlight(2);
    const g = gate();
    await window.start(() => g.promise);
    g.fail(new Error('disk pulled'));
    await expect(window.drain()).rejects.toThrow('disk pulled');
    await expect(window.start(async () => 1)).rejects.toThrow('disk pulled');
  });

  it('done gives the job result to a caller that needs it', async () => {
    const window = new InFlight(1);
    const { done } = await window.start(async () => 42);
    await expect(done).resolves.toBe(42);
    await window.drain();
  });
});

describe('InFlight.settle (cleaning up after a failure)', () => {
  it('waits for the jobs still running after one failed, and never throws', async () => {
    const window = new InFlight(3);
    const slow = gate();
    let slowEnded = false;
    await window.start(async () => {
      await slow.promise;
      slowEnded = true;
    });
    await window.start(async () => {
      throw new Error('stick pulled out');
    });
    const settled = window.settle();
    await Promise.resolve();
    expect(slowEnded).toBe(false);
    slow.open();
    await settled;
    expect(slowEnded).toBe(true);
    await expect(window.drain()).rejects.toThrow('stick pulled out');
  });
});
