package org.ledgerboard.core.integrity;

import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;

import java.util.HashMap;
import java.util.Map;

/**
 * A publishing service's side of the source chains: it appends each record it has published, in partition order,
 * to its chain for the record's competition, and signs {@link LedgerSealed} statements over the chain heads.
 * Not thread-safe: the service's single publishing thread owns it.
 */
public final class Sealer {
    private final String source;
    private final SigningKey key;
    private final Map<String, SourceChain> chains = new HashMap<>();

    public Sealer(String source, SigningKey key) {
        this.source = source;
        this.key = key;
    }

    public SourceChain.Outcome append(LedgerRecord record) {
        if (!source.equals(record.source())) {
            throw new IllegalArgumentException(source + " cannot chain a record of " + record.source());
        }
        return chains.computeIfAbsent(record.competitionId(), c -> new SourceChain()).append(record.id(), record.hash());
    }

    /** True if the record is already in its competition's chain, i.e. on the ledger. */
    public boolean holds(LedgerRecord record) {
        SourceChain chain = chains.get(record.competitionId());
        return chain != null && chain.holds(record.id());
    }

    /** A signed seal over everything this source has published in the competition so far. */
    public LedgerSealed seal(String competitionId) {
        SourceChain chain = chains.computeIfAbsent(competitionId, c -> new SourceChain());
        return new SealStatement(competitionId, source, chain.count(), chain.head()).sign(key);
    }

    public String source() {
        return source;
    }
}
