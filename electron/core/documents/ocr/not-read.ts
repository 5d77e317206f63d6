/** Thrown for a page that cannot be read; the message is the reason shown to the user. */
export class PageNotRead extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PageNotRead';
  }
}
