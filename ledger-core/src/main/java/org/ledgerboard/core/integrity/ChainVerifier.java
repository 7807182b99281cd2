package org.ledgerboard.core.integrity;

import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.TrustedKeys.Jwk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Replays ledger records in partition order and checks their integrity: the CloudEvent schema, each record's
 * {@code hash}, the source chains (duplicates skipped, forks reported) and every {@code LedgerSealed} against the
 * trusted keys and the chain it vouches for. An event altered, dropped, injected or reordered between two seals
 * makes the later seal disagree. A seal that does not verify is reported and, like any unsound record, not
 * returned: it vouches for nothing.
 */
public final class ChainVerifier {
    private final Supplier<TrustedKeys> trustedKeys;
    private final Map<ChainKey, SourceChain> chains = new HashMap<>(); // looked up per record; the report sorts
    /** Per competition and source, the seals' ids and hashes: a re-published seal is a duplicate, not a new seal. */
    private final Map<ChainKey, Map<String, String>> seals = new HashMap<>();
    private final Map<ChainKey, Long> sealedCounts = new HashMap<>();
    /** Trusted keys, each parsed once: parsing and validating one at every seal was a sixth of checking it. */
    private final Map<Jwk, VerifyingKey> keys = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private Finding lastFinding;
    private LedgerRecord rejectedSeal;
    private long records;
    private long duplicates;

    public ChainVerifier(TrustedKeys trustedKeys) {
        this(() -> trustedKeys);
    }

    /** Asks {@code trustedKeys} at each seal, so that keys added meanwhile (a new service, a rotation) count. */
    public ChainVerifier(Supplier<TrustedKeys> trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    /** Checks the record at {@code position}: returns it decoded when it is new and sound, null when it is not. */
    public LedgerRecord accept(long position, byte[] json) {
        records++;
        lastFinding = null;
        rejectedSeal = null;
        EventCodec.Checked checked;
        try {
            checked = EventCodec.check(json);
        } catch (InvalidRecordException e) {
            return found(new Finding("schema", position, null, e.getMessage()));
        }
        LedgerRecord record = checked.record();
        String recomputed = checked.contentHash();
        if (!recomputed.equals(record.hash())) {
            return found(new Finding("hash", position, record.id(),
                    "hash " + record.hash() + " does not match the content, which hashes to " + recomputed));
        }
        boolean isSeal = record.data() instanceof LedgerSealed;
        if (isSeal && !knownSeal(record)) {
            // remembered only once it verifies: a copy of a seal that failed is checked again, as a first one is
            LedgerRecord verified = checkSeal(position, record, (LedgerSealed) record.data());
            if (verified != null) {
                remember(record.competitionId(), record.source(), record.id(), record.hash(), true);
            } else {
                rejectedSeal = record;
            }
            return verified;
        }
        switch (remember(record.competitionId(), record.source(), record.id(), record.hash(), isSeal)) {
            case DUPLICATE -> {
                duplicates++;
                return null; // a byte-identical re-publication: already counted once
            }
            case FORK -> {
                return found(new Finding("fork", position, record.id(),
                        "event id " + record.id() + " was already recorded with different content"));
            }
            default -> {
                return record;
            }
        }
    }

    /**
     * Takes a record checked before (e.g. by a run whose state was persisted) as sound, without its bytes: its
     * chain advances as if {@link #accept} had returned it.
     */
    public void restore(String competitionId, String source, String eventId, String hash, boolean isSeal) {
        remember(competitionId, source, eventId, hash, isSeal);
    }

    /** What the last {@link #accept} found wrong with its record, or null when it was sound or a duplicate. */
    public Finding lastFinding() {
        return lastFinding;
    }

    /** The seal the last {@link #accept} decoded and refused, or null: it is still a record of its aggregate. */
    public LedgerRecord rejectedSeal() {
        return rejectedSeal;
    }

    private boolean knownSeal(LedgerRecord record) {
        Map<String, String> known = seals.get(new ChainKey(record.competitionId(), record.source()));
        return known != null && known.containsKey(record.id());
    }

    private SourceChain.Outcome remember(String competitionId, String source, String eventId, String hash,
                                         boolean isSeal) {
        if (!isSeal) {
            return chain(competitionId, source).append(eventId, hash);
        }
        String known = seals.computeIfAbsent(new ChainKey(competitionId, source), k -> new HashMap<>())
                .putIfAbsent(eventId, hash);
        if (known == null) {
            return SourceChain.Outcome.APPENDED;
        }
        return known.equals(hash) ? SourceChain.Outcome.DUPLICATE : SourceChain.Outcome.FORK;
    }

    private LedgerRecord found(Finding finding) {
        findings.add(finding);
        lastFinding = finding;
        return null;
    }

    /** The verdict so far: findings, and per chain how many events no seal vouches for yet. */
    public ChainReport report() {
        Map<String, Long> unsealed = new TreeMap<>();
        chains.forEach((key, chain) -> {
            long open = chain.count() - sealedCounts.getOrDefault(key, 0L);
            if (open > 0) {
                unsealed.put(key.toString(), open);
            }
        });
        return new ChainReport(records, duplicates, List.copyOf(findings), unsealed);
    }

    private LedgerRecord checkSeal(long position, LedgerRecord record, LedgerSealed seal) {
        if (!seal.source().equals(record.source())) {
            return found(new Finding("seal", position, record.id(),
                    "record from " + record.source() + " carries a seal for " + seal.source()));
        }
        var key = trustedKeys.get().jwk(seal.source(), seal.keyId()).map(jwk -> keys.computeIfAbsent(jwk, Jwk::key));
        if (key.isEmpty()) {
            return found(new Finding("seal-key", position, record.id(),
                    "no trusted key " + seal.keyId() + " for " + seal.source()));
        }
        if (!key.get().verifyBase64(SealStatement.of(seal).bytes(), seal.signature())) {
            return found(new Finding("seal-signature", position, record.id(),
                    "signature of " + seal.source() + " does not verify with key " + seal.keyId()));
        }
        SourceChain chain = chain(seal.competitionId(), seal.source());
        if (seal.count() != chain.count() || !seal.head().equals(chain.head())) {
            return found(new Finding("seal-chain", position, record.id(), seal.source() + " sealed "
                    + seal.count() + " events with head " + seal.head() + " but the ledger holds "
                    + chain.count() + " with head " + chain.head()));
        }
        sealedCounts.put(new ChainKey(seal.competitionId(), seal.source()), chain.count());
        return record;
    }

    private SourceChain chain(String competitionId, String source) {
        return chains.computeIfAbsent(new ChainKey(competitionId, source), k -> new SourceChain());
    }

    /** A source's chain in a competition; a key object, not a joined string: it is looked up for every record. */
    private record ChainKey(String competitionId, String source) {
        @Override
        public String toString() {
            return competitionId + " " + source;
        }
    }
}
