package org.ledgerboard.core.fairness;

import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.IdTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids: within a competition, every team, grant, disbursement, submission and round id is recorded once, and so is
 * every evaluation (an evaluator's score of one submission on one criterion). A second record of the same id is
 * an act done twice, e.g. a retried command executed again, even when each copy is well-formed and sealed.
 */
public final class UniqueIds implements FairnessRule {
    private static final byte[] NO_VALUE = {};
    /** Per competition, the acts recorded so far, held flat: a replay remembers one per act of the ledger. */
    private final Map<String, IdTable> seen = new HashMap<>();

    @Override
    public String name() {
        return "ids";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        Id id = idOf(record);
        if (id != null && acts(record.competitionId()).putIfAbsent(id.key(), NO_VALUE) >= 0) {
            findings.add(FairnessRule.finding(name(), position, record, id + " is recorded a second time"));
        }
    }

    private IdTable acts(String competitionId) {
        return seen.computeIfAbsent(competitionId, c -> new IdTable(0));
    }

    private static Id idOf(LedgerRecord record) {
        Object event = record.data();
        if (event instanceof TeamSelected e) {
            return new Id("team", e.teamId(), null, null);
        } else if (event instanceof FundingGranted e) {
            return new Id("grant", e.grantId(), null, null);
        } else if (event instanceof FundingDisbursed e) {
            return new Id("disbursement", e.disbursementId(), null, null);
        } else if (event instanceof SubmissionMade e) {
            return new Id("submission", e.submissionId(), null, null);
        } else if (event instanceof RoundOpened e) {
            return new Id("round", e.roundId(), null, null);
        } else if (event instanceof EvaluationRecorded e) {
            return new Id("evaluation of submission", e.submissionId(), e.evaluatorId(), e.criterion());
        }
        return null;
    }

    /** What names an act: its kind and id (an evaluation: the submission, evaluator and criterion). */
    private record Id(String kind, String id, String evaluator, String criterion) {
        byte[] key() {
            return evaluator == null ? IdTable.key(kind, id) : IdTable.key(kind, id, evaluator, criterion);
        }

        @Override
        public String toString() {
            return kind + " " + id + (evaluator == null ? "" : " by " + evaluator + " on " + criterion);
        }
    }
}
