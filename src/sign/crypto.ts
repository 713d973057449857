/**
 * node:crypto, loaded on first use: importing it sets up some twenty internal
 * modules, and a diagnosis that never hashes (a V1 request without the
 * secret) should not pay for that at start-up.
 */
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

export function nodeCrypto(): NodeCrypto {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as NodeCrypto);
}
