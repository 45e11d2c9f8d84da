import { createHash } from 'node:crypto';

/** Folders bootstrap owns; never written, listed or removed by the generator. */
export const BOOTSTRAP_FOLDER = 'flux-system';

/** The hash a planned file is compared by (with the out/ state and across runs). */
export const contentHash = (text: string | Buffer): string => createHash('sha1').update(text).digest('hex');
