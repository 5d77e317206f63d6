// Display helpers: the app uses the same words for sizes, counts and dates as the CLI and the
// bundle (shared/format.ts), and shared/person-name.ts for every name.
export { formatBytes, formatDate, plural } from '../../shared/format.js';
