package org.ledgerboard.ranking.ledger;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.ledger.LedgerHistory;
import org.ledgerboard.service.ledger.LedgerPosition;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger's history as the service reads it, noting which competitions were read back from their partition. */
@Alternative
@Priority(1)
@Singleton
public class LedgerHistoryAsked extends LedgerHistory {
    static final Set<String> ASKED = ConcurrentHashMap.newKeySet();

    LedgerHistoryAsked(ServiceConfig config) {
        super(config);
    }

    @Override
    public List<LedgerRecord> competitionUpTo(String competitionId, LedgerPosition position) {
        ASKED.add(competitionId);
        return super.competitionUpTo(competitionId, position);
    }
}
