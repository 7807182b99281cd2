package org.ledgerboard.core.fairness;

import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorAssigned;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SignedSubmission;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.Finding;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * F9: every submission and evaluation carries a valid DSSE signature by the key bound to its team or evaluator at
 * that point of the log, where the competition's declared policy requires one; an envelope present is checked
 * under either policy. The signed payload must be the act the event records, so a score changed after signing
 * fails even when the service re-hashed, re-chained and re-sealed it.
 */
public final class SignedActs implements FairnessRule {
    private final Map<String, Boolean> required = new HashMap<>();

    @Override
    public String name() {
        return "F9";
    }

    @Override
    public void check(long position, LedgerRecord record, CompetitionFacts before, List<Finding> findings) {
        if (record.data() instanceof CompetitionLaunched launched) {
            required.putIfAbsent(launched.competitionId(), launched.signaturesRequired());
            return;
        }
        String refusal = null;
        if (record.data() instanceof SubmissionMade s) {
            TeamSelected team = before.team(s.teamId());
            refusal = refusal(s.competitionId(), s.envelope(), Envelope.SUBMISSION, team == null ? null : team.publicKey(),
                    "team " + s.teamId(), s.signedAct(), SignedSubmission.class);
        } else if (record.data() instanceof EvaluationRecorded e) {
            EvaluatorAssigned evaluator = before.evaluator(e.roundId(), e.evaluatorId());
            refusal = refusal(e.competitionId(), e.envelope(), Envelope.EVALUATION,
                    evaluator == null ? null : evaluator.publicKey(), "evaluator " + e.evaluatorId(), e.signedAct(),
                    SignedEvaluation.class);
        }
        if (refusal != null) {
            findings.add(FairnessRule.finding(name(), position, record, refusal));
        }
    }

    private <T> String refusal(String competitionId, Envelope envelope, String payloadType, PublicKeyJwk key,
                               String who, T act, Class<T> actType) {
        if (envelope == null) {
            return required.getOrDefault(competitionId, true) ? "unsigned, but " + competitionId
                    + " requires signatures (" + who + ")" : null;
        }
        if (!payloadType.equals(envelope.payloadType())) {
            return "envelope of type " + envelope.payloadType() + ", not " + payloadType + " (" + who + ")";
        }
        if (key == null) {
            return who + " has no bound key to sign with";
        }
        Optional<byte[]> payload = Dsse.verifiedPayload(envelope, key);
        if (payload.isEmpty()) {
            return "the signature does not verify with the key bound to " + who;
        }
        T signed = read(payload.get(), actType);
        if (signed == null) {
            return "the signed payload is not a " + actType.getSimpleName() + " (" + who + ")";
        }
        return signed.equals(act) ? null : "the recorded act differs from what " + who + " signed";
    }

    /** A signed payload as the act it claims to be, or null when it is not one (unknown or missing fields). */
    public static <T> T read(byte[] payload, Class<T> actType) {
        try {
            return LedgerJson.mapper().readValue(payload, actType);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
