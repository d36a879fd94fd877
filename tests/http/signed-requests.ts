// Signing requests as Discord does for the interactions endpoint: Ed25519 over timestamp + raw body.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface InteractionKeys {
  privateKey: KeyObject;
  /** The raw 32-byte public key in hex, as the Developer Portal shows it. */
  publicKeyHex: string;
}

export function interactionKeys(): InteractionKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

export function signature(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.isBuffer(body) ? body : Buffer.from(body)]), privateKey).toString('hex');
}

/** POSTs `body` to the endpoint, signed unless told otherwise; returns status and text. */
export async function postSigned(
  url: string,
  keys: InteractionKeys,
  body: string | Buffer,
  options: { timestamp?: string; signature?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, ...options.headers };
  const sig = options.signature === undefined ? signature(keys.privateKey, timestamp, body) : options.signature;
  if (sig !== null) headers['x-signature-ed25519'] = sig;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}
