package org.ledgerboard.service.api;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.bson.Document;
import org.ledgerboard.service.ServiceConfig;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers given per (endpoint, Idempotency-Key), in the service's MongoDB database, written once, when the
 * answer is known. A request in progress is held in this instance's memory only: across instances, and after a
 * crash mid-request, the aggregate itself recognises a request it already recorded
 * ({@link org.ledgerboard.service.axon.OncePerRequest}), so no pending record has to be written, and later taken
 * over, for every command.
 */
@ApplicationScoped
public class IdempotencyStore {
    private final MongoCollection<Document> answers;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    IdempotencyStore(MongoClient mongo, ServiceConfig config) {
        this.answers = mongo.getDatabase(config.mongo().database()).getCollection("idempotency");
    }

    /**
     * Either this request may go ahead (both null; {@link #release} it when answered), or the earlier answer, or why
     * it is refused.
     */
    public record Claim(Response.ResponseBuilder earlier, ProblemException refusal) {
    }

    Claim claim(String scope, String key, String fingerprint) {
        String id = scope + "\n" + key;
        if (!inProgress.add(id)) {
            return new Claim(null, ProblemException.ruleBroken("idempotency-key-in-progress",
                    "a request with this Idempotency-Key is still being processed; retry later"));
        }
        Document earlier;
        try {
            earlier = answers.find(Filters.eq("_id", id)).first();
        } catch (RuntimeException e) {
            inProgress.remove(id);
            throw e;
        }
        if (earlier == null) {
            return new Claim(null, null);
        }
        inProgress.remove(id);
        if (!fingerprint.equals(earlier.getString("fingerprint"))) {
            return new Claim(null, ProblemException.ruleBroken("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request"));
        }
        Response.ResponseBuilder answer = Response.status(earlier.getInteger("status"))
                .entity(earlier.getString("body"));
        if (earlier.getString("contentType") != null) {
            answer.type(earlier.getString("contentType"));
        }
        if (earlier.getString("location") != null) {
            answer.header("Location", earlier.getString("location"));
        }
        return new Claim(answer, null);
    }

    /** Keeps a claimed request's answer for its retries. */
    void complete(String scope, String key, String fingerprint, int status, String body, String contentType,
                  String location) {
        try {
            answers.insertOne(new Document("_id", scope + "\n" + key).append("fingerprint", fingerprint)
                    .append("status", status).append("body", body).append("contentType", contentType)
                    .append("location", location));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance answered the same request at the same moment: both answers come from one event
        }
    }

    /** The claimed request is answered: a retry may come in. */
    void release(String scope, String key) {
        inProgress.remove(scope + "\n" + key);
    }
}
