import { createHash, randomBytes } from 'node:crypto';

/** 128 bits or more of randomness, base64url. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are stored only as their SHA-256, so a copy of the database grants nothing. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
