package org.ledgerboard.core.integrity;

import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays ledger records in partition order and checks their integrity: the CloudEvent schema, each record's
 * {@code hash}, the source chains (duplicates skipped, forks reported) and every {@code LedgerSealed} against the
 * trusted keys and the chain it vouches for. An event altered, dropped, injected or reordered between two seals
 * makes the later seal disagree.
 */
public final class ChainVerifier {
    private final TrustedKeys trustedKeys;
    private final Map<String, SourceChain> chains = new TreeMap<>();
    private final Map<String, Long> sealedCounts = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private long records;
    private long duplicates;

    public ChainVerifier(TrustedKeys trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    /** Checks the record at {@code position}: returns it decoded when it is new and sound, null when it is not. */
    public LedgerRecord accept(long position, byte[] json) {
        records++;
        EventCodec.Checked checked;
        try {
            checked = EventCodec.check(json);
        } catch (InvalidRecordException e) {
            findings.add(new Finding("schema", position, null, e.getMessage()));
            return null;
        }
        LedgerRecord record = checked.record();
        String recomputed = checked.contentHash();
        if (!recomputed.equals(record.hash())) {
            findings.add(new Finding("hash", position, record.id(),
                    "hash " + record.hash() + " does not match the content, which hashes to " + recomputed));
            return null;
        }
        if (record.data() instanceof LedgerSealed seal) {
            checkSeal(position, record, seal);
            return record;
        }
        switch (chain(record.competitionId(), record.source()).append(record.id(), record.hash())) {
            case DUPLICATE -> {
                duplicates++;
                return null; // a byte-identical re-publication: already counted once
            }
            case FORK -> {
                findings.add(new Finding("fork", position, record.id(),
                        "event id " + record.id() + " was already recorded with different content"));
                return null;
            }
            default -> {
                return record;
            }
        }
    }

    /** The verdict so far: findings, and per chain how many events no seal vouches for yet. */
    public ChainReport report() {
        Map<String, Long> unsealed = new TreeMap<>();
        chains.forEach((key, chain) -> {
            long open = chain.count() - sealedCounts.getOrDefault(key, 0L);
            if (open > 0) {
                unsealed.put(key, open);
            }
        });
        return new ChainReport(records, duplicates, List.copyOf(findings), unsealed);
    }

    private void checkSeal(long position, LedgerRecord record, LedgerSealed seal) {
        if (!seal.source().equals(record.source())) {
            findings.add(new Finding("seal", position, record.id(),
                    "record from " + record.source() + " carries a seal for " + seal.source()));
            return;
        }
        var key = trustedKeys.find(seal.source(), seal.keyId());
        if (key.isEmpty()) {
            findings.add(new Finding("seal-key", position, record.id(),
                    "no trusted key " + seal.keyId() + " for " + seal.source()));
            return;
        }
        if (!key.get().verifyBase64(SealStatement.of(seal).bytes(), seal.signature())) {
            findings.add(new Finding("seal-signature", position, record.id(),
                    "signature of " + seal.source() + " does not verify with key " + seal.keyId()));
            return;
        }
        SourceChain chain = chain(seal.competitionId(), seal.source());
        if (seal.count() != chain.count() || !seal.head().equals(chain.head())) {
            findings.add(new Finding("seal-chain", position, record.id(), seal.source() + " sealed "
                    + seal.count() + " events with head " + seal.head() + " but the ledger holds "
                    + chain.count() + " with head " + chain.head()));
            return;
        }
        sealedCounts.put(chainKey(seal.competitionId(), seal.source()), chain.count());
    }

    private SourceChain chain(String competitionId, String source) {
        return chains.computeIfAbsent(chainKey(competitionId, source), k -> new SourceChain());
    }

    private static String chainKey(String competitionId, String source) {
        return competitionId + " " + source;
    }
}
