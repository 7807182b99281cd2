package org.ledgerboard.core.fairness;

import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.EvaluatorKeyRotated;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.PublicKeyJwk;
import org.ledgerboard.core.event.SignedEvaluation;
import org.ledgerboard.core.event.SignedSubmission;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamKeyRotated;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.VerifyingKey;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * F9: every submission and evaluation carries a valid DSSE signature by the key bound to its team or evaluator at
 * that point of the log (bound at selection or assignment, or by the organiser's latest rotation, and not revoked
 * since), where the competition's declared policy requires one; an envelope present is checked under either policy. The signed payload must be the act the event records, so a score changed after signing
 * fails even when the service re-hashed, re-chained and re-sealed it.
 */
public final class SignedActs implements FairnessRule {
    private final Map<String, Boolean> required = new HashMap<>();
    /** Bound keys decoded once per audit: a ledger binds few keys and each signs many acts. */
    private final Map<PublicKeyJwk, VerifyingKey> decoded = new HashMap<>();

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
            refusal = refusal(s.competitionId(), s.envelope(), Envelope.SUBMISSION, before.teamKey(s.teamId()),
                    "team " + s.teamId(), s.signedAct(), SignedSubmission.class);
        } else if (record.data() instanceof EvaluationRecorded e) {
            refusal = refusal(e.competitionId(), e.envelope(), Envelope.EVALUATION,
                    before.evaluatorKey(e.roundId(), e.evaluatorId()), "evaluator " + e.evaluatorId(), e.signedAct(),
                    SignedEvaluation.class);
        } else if (record.data() instanceof TeamKeyRotated r && before.team(r.teamId()) == null) {
            refusal = "a key rotated for team " + r.teamId() + ", which was never selected";
        } else if (record.data() instanceof EvaluatorKeyRotated r && before.evaluator(r.roundId(), r.evaluatorId()) == null) {
            refusal = "a key rotated for evaluator " + r.evaluatorId() + ", who is not assigned to " + r.roundId();
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
            return who + " has no key bound at this point of the log (none, or revoked)";
        }
        Optional<byte[]> payload = Dsse.verifiedPayload(envelope,
                decoded.computeIfAbsent(key, k -> VerifyingKey.fromJwkX(k.x())));
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
