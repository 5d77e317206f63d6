// A mistake in how the command was typed: one line and exit code 2 (not a vault problem).
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
