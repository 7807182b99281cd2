// The ledger's proofs, checked in the browser with WebCrypto only: no code shared with the Java verifier, so the
// page is a second, independent implementation of RFC 8785 (record hashes), RFC 9162 (Merkle tree, inclusion and
// consistency proofs) and Ed25519 (checkpoint signatures). Written here rather than taken from a library because
// each is a few lines over WebCrypto and the page loads nothing from another host.

const encoder = new TextEncoder();

export function hexToBytes(hex) {
  if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/.test(hex)) {
    throw new Error('not lower-case hex: ' + hex);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
  }
  return bytes;
}

export function bytesToHex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function base64ToBytes(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}

function equal(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function sha256(...parts) {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

/** RFC 9162 2.1.1: the hash of a leaf whose entry is the record's hash (32 bytes). */
export function leafHash(entry) {
  return sha256(LEAF, entry);
}

function nodeHash(left, right) {
  return sha256(NODE, left, right);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * RFC 8785 (JCS) text of a value parsed from JSON. ECMAScript's JSON.stringify is the RFC's own serialisation of
 * strings and numbers; names are sorted by UTF-16 code units, which is what Array.prototype.sort does.
 */
export function canonical(value) {
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new Error('not I-JSON: a string with a lone surrogate'); // RFC 8785 section 3.2.2.2 requires refusing it
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(canonical).join(',') + ']';
  }
  return '{' + Object.keys(value).sort().map(k => canonical(k) + ':' + canonical(value[k])).join(',') + '}';
}

/** True when the record's hash is the SHA-256 of its RFC 8785 form without its hash member. */
export async function recordHashHolds(record) {
  const { hash, ...rest } = record;
  return bytesToHex(await sha256(encoder.encode(canonical(rest)))) === hash;
}

/** RFC 9162 2.1.1: the root of the tree over the entries (each a record's hash, as bytes). */
export async function treeRoot(entries) {
  if (entries.length === 0) {
    return sha256();
  }
  // Pairing level by level, an odd last node carried up unchanged, is the RFC's split at the largest power of two.
  let level = await Promise.all(entries.map(leafHash));
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      next.push(nodeHash(level[i], level[i + 1]));
    }
    if (level.length % 2 === 1) {
      next.push(level[level.length - 1]);
    }
    level = await Promise.all(next);
  }
  return level[0];
}

const half = n => Math.floor(n / 2); // tree sizes go beyond 2^31, where JavaScript's bit operators stop

function isPowerOfTwo(n) {
  while (n % 2 === 0) {
    n = half(n);
  }
  return n === 1;
}

/** RFC 9162 2.1.3.2: the audit path leads from the leaf at index to the root of the tree of treeSize leaves. */
export async function inclusionHolds(leaf, index, treeSize, path, root) {
  if (!(index >= 0 && index < treeSize)) {
    return false;
  }
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(r, root);
}

/** RFC 9162 2.1.4.2: the tree of second leaves (secondRoot) extends the tree of first leaves (firstRoot). */
export async function consistencyHolds(first, second, firstRoot, secondRoot, proof) {
  if (!(first >= 1 && first <= second)) {
    return false;
  }
  if (first === second) {
    return proof.length === 0 && equal(firstRoot, secondRoot);
  }
  if (proof.length === 0) {
    return false;
  }
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
}

/** The bytes a checkpoint's signature covers: the RFC 8785 form of its four signed fields. */
export function checkpointStatement(checkpoint) {
  const { competitionId, treeSize, rootHash, viewsDigest } = checkpoint;
  return encoder.encode(canonical({ competitionId, treeSize, rootHash, viewsDigest }));
}

/**
 * Whether the checkpoint's Ed25519 signature verifies with the key of its keyId in the JWK Set: 'valid', 'invalid',
 * or 'unknown key'.
 */
export async function checkpointSignature(checkpoint, jwkSet) {
  const jwk = (jwkSet.keys || []).find(k => k.kid === checkpoint.keyId && k.kty === 'OKP' && k.crv === 'Ed25519');
  if (!jwk) {
    return 'unknown key';
  }
  const key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' },
    false, ['verify']);
  let signature;
  try {
    signature = base64ToBytes(checkpoint.signature);
  } catch (e) {
    return 'invalid';
  }
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, checkpointStatement(checkpoint));
  return ok ? 'valid' : 'invalid';
}
