package org.ledgerboard.core.event;

/**
 * A source service vouches, with its Ed25519 key, for the first {@code count} distinct events it published in a
 * competition: {@code head} is its source-chain head after them (hex), {@code signature} is base64 over
 * {@link org.ledgerboard.core.integrity.SealStatement}'s canonical bytes, {@code keyId} the key's JWK thumbprint.
 */
public record LedgerSealed(String competitionId, String source, long count, String head, String keyId,
                           String signature) implements LedgerEvent {
}
