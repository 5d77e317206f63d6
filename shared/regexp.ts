// Text a person typed (or a file name), matched literally inside a regular expression.
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
