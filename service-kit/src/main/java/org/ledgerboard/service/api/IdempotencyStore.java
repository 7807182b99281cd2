package org.ledgerboard.service.api;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.store.GroupedLookups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The answers given per (endpoint, Idempotency-Key), in the service's MongoDB database, written once, when the
 * answer is known ({@link #keep}). A request in progress is held in this instance's memory only: across instances, and after a
 * crash mid-request, the aggregate itself recognises a request it already recorded
 * ({@link org.ledgerboard.service.axon.OncePerRequest}), so no pending record has to be written, and later taken
 * over, for every command.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    private final MongoCollection<Document> answers;
    private final GroupedLookups earlierAnswers;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Answer> backlog = new LinkedBlockingQueue<>();
    private final Map<String, Document> unwritten = new ConcurrentHashMap<>(); // answers in the backlog, by id
    private final Thread writer = new Thread(this::keepAnswered, "idempotency-answers");
    private volatile boolean running = true;

    IdempotencyStore(MongoClient mongo, ServiceConfig config) {
        this.answers = mongo.getDatabase(config.mongo().database()).getCollection("idempotency");
        this.earlierAnswers = new GroupedLookups(answers);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Either this request may go ahead (both null; {@link #release} it when answered), or the earlier answer, or why
     * it is refused.
     */
    public record Claim(Response.ResponseBuilder earlier, ProblemException refusal) {
    }

    Claim claim(String scope, String key, String fingerprint) {
        String id = scope + "\n" + key;
        while (!inProgress.add(id)) {
            Document answered = unwritten.get(id); // answered, its answer not yet written
            if (answered != null) {
                return earlier(answered, fingerprint);
            }
            if (inProgress.contains(id)) {
                return new Claim(null, ProblemException.ruleBroken("idempotency-key-in-progress",
                        "a request with this Idempotency-Key is still being processed; retry later"));
            }
            // its answer was written and the key released between the two looks: claimed again, the store has it
        }
        Document earlier;
        try {
            earlier = earlierAnswers.byId(id);
        } catch (RuntimeException e) {
            inProgress.remove(id);
            throw e;
        }
        if (earlier == null) {
            return new Claim(null, null);
        }
        inProgress.remove(id);
        return earlier(earlier, fingerprint);
    }

    private static Claim earlier(Document earlier, String fingerprint) {
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

    /**
     * Keeps a claimed request's answer for its retries, and releases the claim once it is kept. A refusal is kept
     * before it is given. A success is kept in the background with the others of the moment (one write for many):
     * until then its key stays claimed here and a retry to this instance gets the answer from memory; a retry
     * elsewhere, or after a crash that lost the answer, is recognised by the aggregate, which answers with the same
     * receipt.
     */
    void keep(String scope, String key, String fingerprint, int status, String body, String contentType,
              String location) {
        Answer answer = new Answer(scope + "\n" + key, new Document("_id", scope + "\n" + key)
                .append("fingerprint", fingerprint).append("status", status).append("body", body)
                .append("contentType", contentType).append("location", location));
        if (status >= 300) {
            try {
                insert(List.of(answer.document()));
            } finally {
                inProgress.remove(answer.id());
            }
        } else {
            unwritten.put(answer.id(), answer.document());
            backlog.add(answer);
        }
    }

    /** Writes the successes given meanwhile, then releases their keys; runs on its own thread. */
    private void keepAnswered() {
        List<Answer> answers = new ArrayList<>();
        while (running || !backlog.isEmpty()) { // stopping: what is left is written, then it ends
            try {
                Answer first = backlog.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    answers.add(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backlog.drainTo(answers);
            if (answers.isEmpty()) {
                continue;
            }
            try {
                insert(answers.stream().map(Answer::document).toList());
            } catch (RuntimeException e) { // lost: retries run again and their aggregates answer them
                LOG.warnf("%d answers to requests could not be kept for their retries: %s", answers.size(),
                        e.getMessage());
            }
            answers.forEach(answer -> {
                inProgress.remove(answer.id()); // first: a retry between the two finds it in the store
                unwritten.remove(answer.id());
            });
            answers.clear();
        }
    }

    private void insert(List<Document> documents) {
        try {
            answers.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // another instance answered the same request at the same moment: both answers come from one event
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        writer.join(5_000);
    }

    /** The claimed request was not answered: a retry may come in. */
    void release(String scope, String key) {
        inProgress.remove(scope + "\n" + key);
    }

    private record Answer(String id, Document document) {
    }
}
