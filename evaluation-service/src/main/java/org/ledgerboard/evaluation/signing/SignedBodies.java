package org.ledgerboard.evaluation.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.fairness.SignedActs;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.service.api.ProblemException;

/**
 * The two shapes a submission or evaluation body may take: the plain request, or a DSSE envelope whose payload is
 * the request with the competition and round it is for (so it cannot be replayed elsewhere).
 */
@ApplicationScoped
public class SignedBodies {
    private final ObjectMapper json;

    SignedBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The envelope, when the body is one (it has a {@code payloadType}); null for a plain request. */
    public Envelope envelopeOrNull(JsonNode body) throws JsonProcessingException {
        return body.has("payloadType") ? json.treeToValue(body, Envelope.class) : null;
    }

    public <T> T plain(JsonNode body, Class<T> type) throws JsonProcessingException {
        return json.treeToValue(body, type);
    }

    /** The act the envelope carries (its signature is checked against the bound key by the caller). */
    public <S> S act(Envelope envelope, String payloadType, Class<S> type) {
        if (!payloadType.equals(envelope.payloadType())) {
            throw ProblemException.unverifiable("payload-type", "expected payloadType " + payloadType + ", got "
                    + envelope.payloadType());
        }
        S act = Dsse.payloadOf(envelope).map(bytes -> SignedActs.read(bytes, type)).orElse(null);
        if (act == null) {
            throw ProblemException.unverifiable("signed-act-matches", "the envelope's payload is not a "
                    + type.getSimpleName() + " (base64 of its RFC 8785 JSON)");
        }
        return act;
    }

    /** The signed act must be for the competition and round it is sent to. */
    public static void requireSamePlace(String competitionId, String roundId, String signedCompetition,
                                        String signedRound) {
        if (!competitionId.equals(signedCompetition) || !roundId.equals(signedRound)) {
            throw ProblemException.unverifiable("signed-act-matches", "the envelope was signed for competition "
                    + signedCompetition + ", round " + signedRound + ", not " + competitionId + ", " + roundId);
        }
    }

    public static ProblemException unsignedWhereRequired(String competitionId) {
        return ProblemException.unverifiable("signature-required", "competition " + competitionId
                + " requires this act as a DSSE envelope signed by the actor's bound key");
    }
}
