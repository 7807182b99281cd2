package org.ledgerboard.service.api;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.bson.Document;
import org.ledgerboard.service.ServiceConfig;

import java.time.Duration;
import java.util.Date;

/**
 * The answers given per (endpoint, Idempotency-Key), in the service's MongoDB database. A claim whose request
 * never finished (the service died mid-request) may be taken over once it is older than the pending timeout.
 */
@ApplicationScoped
public class IdempotencyStore {
    private final MongoCollection<Document> answers;
    private final Duration pendingTimeout;

    IdempotencyStore(MongoClient mongo, ServiceConfig config) {
        this.answers = mongo.getDatabase(config.mongo().database()).getCollection("idempotency");
        this.pendingTimeout = config.idempotency().pendingTimeout();
    }

    /** Either this request may go ahead (both null), or the earlier answer, or why it is refused. */
    public record Claim(Response.ResponseBuilder earlier, ProblemException refusal) {
    }

    Claim claim(String scope, String key, String fingerprint) {
        String id = scope + "\n" + key;
        try {
            answers.insertOne(new Document("_id", id).append("fingerprint", fingerprint)
                    .append("state", "PENDING").append("createdAt", new Date()));
            return new Claim(null, null);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = answers.find(Filters.eq("_id", id)).first();
        if (earlier == null) {
            return claim(scope, key, fingerprint); // released in between: try again
        }
        if (!fingerprint.equals(earlier.getString("fingerprint"))) {
            return new Claim(null, ProblemException.ruleBroken("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request"));
        }
        if (!"DONE".equals(earlier.getString("state"))) {
            if (takeOverAbandoned(id)) {
                return new Claim(null, null);
            }
            return new Claim(null, ProblemException.ruleBroken("idempotency-key-in-progress",
                    "a request with this Idempotency-Key is still being processed; retry later"));
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

    private boolean takeOverAbandoned(String id) {
        Date abandonedBefore = new Date(System.currentTimeMillis() - pendingTimeout.toMillis());
        return answers.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "PENDING"),
                        Filters.lt("createdAt", abandonedBefore)), Updates.set("createdAt", new Date()))
                .getModifiedCount() == 1;
    }

    void complete(String scope, String key, int status, String body, String contentType, String location) {
        answers.updateOne(Filters.eq("_id", scope + "\n" + key), Updates.combine(
                Updates.set("state", "DONE"), Updates.set("status", status), Updates.set("body", body),
                Updates.set("contentType", contentType), Updates.set("location", location)));
    }

    void release(String scope, String key) {
        answers.deleteOne(Filters.eq("_id", scope + "\n" + key));
    }
}
