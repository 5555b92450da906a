import { createHash, createHmac } from 'node:crypto';
import type { Digest } from '../../ports/index.js';

/** SHA-256 and HMAC-SHA256 from node:crypto. */
export const nodeDigest: Digest = {
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  hmacSha256Hex: (key, text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
};
