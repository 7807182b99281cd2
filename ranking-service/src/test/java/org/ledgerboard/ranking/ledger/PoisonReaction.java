package org.ledgerboard.ranking.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.ledger.LedgerPosition;
import org.ledgerboard.service.ledger.LedgerReaction;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A test reaction that fails on every record of a competition named {@code poison-…} and notes the others. */
@ApplicationScoped
public class PoisonReaction implements LedgerReaction {
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public void react(LedgerRecord record, LedgerPosition position) {
        if (record.competitionId().startsWith("poison-")) {
            throw new IllegalStateException("this reaction cannot handle " + record.competitionId());
        }
        SEEN.add(record.competitionId());
    }
}
