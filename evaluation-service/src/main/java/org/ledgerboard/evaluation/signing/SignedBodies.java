package org.ledgerboard.evaluation.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.ledgerboard.core.event.Envelope;
import org.ledgerboard.core.event.SignedAct;
import org.ledgerboard.core.fairness.SignedActs;
import org.ledgerboard.core.integrity.Dsse;
import org.ledgerboard.service.api.ProblemException;

import java.util.function.Function;

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

    /** A request as the endpoint reads it, with the envelope it came in (null for a plain request). */
    public record Body<R>(R request, Envelope envelope) {
    }

    /**
     * The body as a request: a plain one as it is; an envelope (it has a {@code payloadType}) as the act it carries,
     * which must be for this competition and round. The signature is checked against the bound key by the caller.
     */
    public <R, S extends SignedAct> Body<R> read(JsonNode body, Class<R> plainType, String payloadType,
                                                 Class<S> signedType, Function<S, R> asRequest, String competitionId,
                                                 String roundId) throws JsonProcessingException {
        if (!body.has("payloadType")) {
            return new Body<>(json.treeToValue(body, plainType), null);
        }
        Envelope envelope = json.treeToValue(body, Envelope.class);
        S act = act(envelope, payloadType, signedType);
        if (!competitionId.equals(act.competitionId()) || !roundId.equals(act.roundId())) {
            throw ProblemException.unverifiable("signed-act-matches", "the envelope was signed for competition "
                    + act.competitionId() + ", round " + act.roundId() + ", not " + competitionId + ", " + roundId);
        }
        return new Body<>(asRequest.apply(act), envelope);
    }

    private static <S> S act(Envelope envelope, String payloadType, Class<S> type) {
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

    public static ProblemException unsignedWhereRequired(String competitionId) {
        return ProblemException.unverifiable("signature-required", "competition " + competitionId
                + " requires this act as a DSSE envelope signed by the actor's bound key");
    }
}
