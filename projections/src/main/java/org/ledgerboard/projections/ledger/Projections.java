package org.ledgerboard.projections.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.merkle.MerkleTree;
import org.ledgerboard.core.view.CompetitionViews;
import org.ledgerboard.core.view.ViewsFold;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.ledger.Backoff;
import org.ledgerboard.service.ledger.LedgerWriter;
import org.ledgerboard.service.ledger.PublisherLease;
import org.ledgerboard.service.telemetry.LedgerTracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Folds {@code ledger.events} into each competition's views and Merkle tree, tells live listeners after every poll
 * which competitions changed, and, every second when there is news, signs a checkpoint to {@code ledger.checkpoints}
 * and MongoDB, with the views (replaced whole: a restart or re-delivery changes nothing) and the fold's state
 * ({@link FoldStore}). A start resumes from the persisted states and reads on from where every record was in one
 * (the ledger is the source of truth and the fold deterministic, so a state lost or never written only costs
 * re-folding); views and checkpoints are written only once the fold has caught up with the end the ledger had at
 * start. The fold signs checkpoints; a thread of its own writes them, so that records arriving meanwhile are folded
 * and announced without waiting for the store and the broker. Invalid records, forks and seals that do not verify
 * with the trusted keys are quarantined, never folded. Of several instances, the one holding the lease
 * ({@link PublisherLease}, as a publishing service's) writes views, states and checkpoints; the others fold the same
 * ledger, announce its updates and serve the written views, and one of them writes once the holder is gone.
 */
@ApplicationScoped
public class Projections {
    private static final Logger LOG = Logger.getLogger(Projections.class);
    private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);
    /** Links a push span keeps to the folds it announces; a busy poll's others are left out. */
    private static final int MAX_LINKS = 64;
    /**
     * A checkpoint costs time in its competition's size (its views and fold state are written whole): the next one
     * of a competition waits at least this many times as long as its last took, so that a competition of ten
     * thousand teams does not spend the fold's and the store's time rewriting itself every second.
     */
    private static final int CHECKPOINT_COST_SHARE = 20;

    /**
     * A change of a competition's views, as live updates carry it: the records that are leaves {@code fromTreeSize}
     * to {@code treeSize - 1} of its tree were folded, and the views now reflect the ledger up to {@code position}
     * (the SSE id). Consecutive updates of a stream continue each other's tree sizes: nothing skipped, nothing twice.
     */
    public record Update(String competitionId, long position, long fromTreeSize, long treeSize) {
    }

    private final Map<String, CompetitionProjection> competitions = new ConcurrentHashMap<>();
    /** Competitions with a persisted state not restored yet: see {@link #awake}. */
    private final Set<String> dormant = ConcurrentHashMap.newKeySet();
    /**
     * Per competition, the offset of its first record folded since its last signed state, and of the first one of a
     * state signed but not yet written: what {@link FoldStore#writeProgress} must not pass.
     */
    private final Map<String, Long> unpersistedSince = new ConcurrentHashMap<>();
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final Queue<Document> quarantined = new ConcurrentLinkedQueue<>();
    /** Per partition, the offset just past the last record a persisted state or the progress covers. */
    private final Map<TopicPartition, Long> persistedReach = new HashMap<>(); // the fold's thread only
    private final Set<String> news = ConcurrentHashMap.newKeySet();
    /** Competitions whose checkpoint is being written, and those whose last write failed, with why. */
    private final Set<String> writing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> unwritten = new ConcurrentHashMap<>();
    /** Per competition, the System.nanoTime() before which it is not checkpointed again. */
    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();
    private final ExecutorService checkpointWriter = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "projections-checkpoints"));
    private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "projections-lease"));
    private final PublisherLease lease;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ServiceConfig config;
    private final LedgerWriter keys;
    private final MongoDatabase store;
    private final FoldStore folds;
    private final Supplier<TrustedKeys> trustedKeys;
    private final ObjectMapper json = LedgerJson.mapper();
    private volatile LedgerReader reader;
    private KafkaProducer<String, byte[]> producer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile String stalled; // why the fold cannot progress now, or null
    private volatile long lag;
    private final AtomicLong folded = new AtomicLong();
    private final CheckpointAge checkpointAge = new CheckpointAge();
    private final LedgerTracing tracing;
    private Map<Integer, Long> progressWritten = Map.of(); // on the writer's thread only
    private boolean checkpointsIndexed; // on the writer's thread only
    private boolean warm; // a checkpoint was written by this process; on the writer's thread only

    Projections(ServiceConfig config, LedgerWriter keys, PublisherLease lease, MongoClient mongo, LedgerTracing tracing,
                MeterRegistry metrics) {
        this.config = config;
        this.tracing = tracing;
        this.keys = keys;
        this.lease = lease;
        this.store = mongo.getDatabase(config.mongo().database());
        this.folds = new FoldStore(store);
        this.trustedKeys = TrustedKeysFile.of(config.trustedKeys());
        metrics.gauge("ledgerboard.projections.lag", this, projections -> projections.lag);
        metrics.gauge("ledgerboard.projections.records.folded", folded);
        metrics.gauge("ledgerboard.projections.unpersisted", this, Projections::unpersisted);
        Gauge.builder("ledgerboard.projections.checkpoint.age", checkpointAge, CheckpointAge::seconds)
                .description("Seconds the oldest folded record no written checkpoint vouches for has waited")
                .baseUnit("seconds").register(metrics);
        Gauge.builder("ledgerboard.projections.sse.clients", listeners, List::size)
                .description("Dashboards listening to live updates (server-sent events)").register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        leaseTimer.scheduleWithFixedDelay(this::keepLease, 0, 1, TimeUnit.SECONDS);
        startFold();
    }

    private void keepLease() {
        try {
            lease.renew();
        } catch (RuntimeException e) { // the timer must not die of it: not held, and tried again in a second
            LOG.debugf("projections: the writer lease was not renewed: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (producer != null) {
            stopFold();
            checkpointWriter.shutdown();
            checkpointWriter.awaitTermination(10, TimeUnit.SECONDS);
            producer.close();
            leaseTimer.shutdownNow();
            lease.release();
        }
    }

    /**
     * Stops the fold, forgets all it held in memory and starts it again, as a new process would: from the states
     * in the store, once the writes under way are done.
     */
    public synchronized void restart() throws Exception {
        stopFold();
        checkpointWriter.submit(() -> { }).get(); // the last round's writes are done
        competitions.clear();
        latestCheckpoints.clear();
        launches.clear();
        List.of(news, writing, dormant).forEach(Set::clear);
        quarantined.clear(); // found again: records after the last written state are read again
        List.of(unpersistedSince, inFlight, unwritten).forEach(Map::clear);
        caughtUp = false;
        startFold();
    }

    private synchronized void startFold() {
        LedgerReader opened = LedgerReader.open(config.kafka().bootstrapServers(), LedgerReader.Pace.LIVE);
        reader = opened;
        folded.set(0);
        running = true;
        thread = new Thread(() -> run(opened), "projections");
        thread.start();
    }

    private synchronized void stopFold() throws InterruptedException {
        running = false;
        reader.wakeup();
        thread.interrupt(); // out of a retry's pause
        thread.join(Duration.ofSeconds(10).toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the fold did not stop within 10 s");
        }
    }

    /** How many competitions have records folded that no written state holds yet: what a restart would re-fold. */
    public int unpersisted() {
        Set<String> pending = new HashSet<>(unpersistedSince.keySet());
        pending.addAll(inFlight.keySet());
        return pending.size();
    }

    /** How many records the fold has read and checked since it started: those a restored state spared are not. */
    public long recordsFolded() {
        return folded.get();
    }

    /** True once the fold has reached the ledger's end as it was at start, and the fold is still running. */
    public boolean caughtUp() {
        return caughtUp && running && thread.isAlive();
    }

    /** Whether this instance writes the views and checkpoints now (it holds the lease). */
    public boolean writes() {
        return lease.held();
    }

    /** Why the fold cannot progress now (it retries with a doubling pause), or null. */
    public String stalled() {
        String fold = stalled;
        return fold != null ? fold : unwritten.values().stream().findFirst().orElse(null);
    }

    /** A subscriber to live updates, e.g. one dashboard's stream; dropped once it is closed. */
    public interface Listener {
        void accept(Update update);

        boolean closed();
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** How many subscribers are open, after dropping the closed ones. */
    public int listeners() {
        listeners.removeIf(Listener::closed);
        return listeners.size();
    }

    public Optional<CompetitionProjection> competition(String competitionId) {
        return Optional.ofNullable(awake(competitionId));
    }

    private void run(LedgerReader reader) {
        try {
            Map<TopicPartition, Long> endAtStart = reader.assignAll(resumeWhenPossible());
            if (aheadOf(endAtStart)) {
                // The states were folded from another ledger (or one since cut short): the ledger is the truth.
                LOG.warn("projections: the persisted folds are ahead of the ledger; discarding them and folding it all");
                folds.clear();
                dormant.clear();
                latestCheckpoints.clear();
                launches.clear();
                endAtStart = reader.assignAll(Map.of());
            }
            // per partition, the first record not yet folded: every partition, so that a retry goes back in each
            Map<TopicPartition, Long> next = reader.positions();
            long lastCheckpoint = System.nanoTime();
            int failures = 0;
            while (running) {
                try {
                    Map<String, Long> changed = new HashMap<>(); // competition -> its tree size before this poll
                    List<Span> traced = new ArrayList<>(); // live records' folds, each in its command's trace
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                        Span span = caughtUp ? tracing.receiving("fold " + LedgerTopics.EVENTS, record.headers(),
                                record.key()) : Span.getInvalid();
                        try {
                            accept(record, changed);
                        } finally {
                            span.end();
                        }
                        if (span.getSpanContext().isValid()) {
                            traced.add(span);
                        }
                        next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    }
                    tellListeners(changed, traced);
                    listeners.removeIf(Listener::closed); // a dashboard that went away is forgotten within a poll
                    lag = reader.lag();
                    if (!caughtUp) {
                        // Views and checkpoints are written only from here on, so a restart never replaces what
                        // was served before with an older prefix of the ledger.
                        caughtUp = reader.reached(endAtStart);
                    } else if (System.nanoTime() - lastCheckpoint >= CHECKPOINT_EVERY.toNanos()) {
                        checkpointWhatIsNew(next);
                        lastCheckpoint = System.nanoTime();
                    }
                    failures = 0;
                    stalled = null;
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    // e.g. the store or the broker away: report it, go back to the first record not folded, retry
                    stalled = "the fold cannot progress: " + e;
                    LOG.errorf(e, "projections: %s (failure %d), retrying", stalled, ++failures);
                    next.forEach(reader::seek);
                    Backoff.pause(Backoff.doubling(Duration.ofSeconds(1), failures));
                }
            }
        } catch (WakeupException stopping) {
            // shutdown
        } catch (RuntimeException e) {
            stalled = "the fold has stopped: " + e;
            LOG.error("projections stopped", e);
        } finally {
            Thread.interrupted(); // a stop interrupts a pause; the reader must still close
            reader.close();
        }
    }

    /** True when a persisted state or the progress lies beyond the ledger's end: they come from another ledger. */
    private boolean aheadOf(Map<TopicPartition, Long> end) {
        return persistedReach.entrySet().stream().anyMatch(e -> e.getValue() > end.getOrDefault(e.getKey(), 0L));
    }

    /** Restores the persisted folds, trying again with a doubling pause while the store cannot give them. */
    private Map<TopicPartition, Long> resumeWhenPossible() {
        for (int failures = 1; running; failures++) {
            try {
                Map<TopicPartition, Long> next = resume();
                stalled = null;
                return next;
            } catch (RuntimeException e) {
                dormant.clear();
                latestCheckpoints.clear();
                launches.clear();
                stalled = "cannot restore the persisted folds: " + e;
                LOG.errorf(e, "projections: %s (failure %d), retrying", stalled, failures);
                Backoff.pause(Backoff.doubling(Duration.ofSeconds(1), failures));
            }
        }
        throw new WakeupException(); // stopped meanwhile
    }

    /** Restores every persisted competition; returns where each partition's reading resumes. */
    private Map<TopicPartition, Long> resume() {
        long started = System.nanoTime();
        persistedReach.clear();
        folds.readHeads((competitionId, partition, position, checkpoint, launch) -> {
            dormant.add(competitionId);
            if (launch != null) {
                launches.put(competitionId, launch);
            }
            persistedReach.merge(new TopicPartition(LedgerTopics.EVENTS, partition), position + 1, Math::max);
            try {
                latestCheckpoints.put(competitionId, json.readValue(checkpoint, Checkpoint.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<TopicPartition, Long> next = new HashMap<>();
        folds.progress().forEach((partition, offset) -> next.put(new TopicPartition(LedgerTopics.EVENTS, partition), offset));
        next.forEach((partition, offset) -> persistedReach.merge(partition, offset, Math::max));
        if (!dormant.isEmpty()) {
            LOG.infof("projections: %d competitions persisted (each restored when first needed), found in %d ms; "
                    + "reading on from %s", dormant.size(), (System.nanoTime() - started) / 1_000_000, next);
        }
        return next;
    }

    /**
     * The competition as folded so far: restored from its persisted state the first time it is needed after a start
     * (a record of it read again or new, a view, a proof), or null when the ledger has shown none of it yet.
     */
    private CompetitionProjection awake(String competitionId) {
        CompetitionProjection projection = competitions.get(competitionId);
        if (projection != null) {
            return projection;
        }
        if (!dormant.contains(competitionId)) {
            return competitions.get(competitionId); // another thread may have woken it meanwhile (put, then remove)
        }
        synchronized (dormant) { // the fold and a request may both need it: it is read once
            projection = competitions.get(competitionId);
            if (projection == null) {
                CompetitionProjection.Persisted state = folds.read(competitionId);
                if (state == null) {
                    throw new IllegalStateException("the persisted state of " + competitionId + " is gone from the store");
                }
                projection = CompetitionProjection.restore(state, trustedKeys);
                competitions.put(competitionId, projection);
                dormant.remove(competitionId);
            }
            return projection;
        }
    }

    private void accept(ConsumerRecord<String, byte[]> message, Map<String, Long> changed) {
        String competitionId = message.key();
        if (competitionId == null) {
            return;
        }
        CompetitionProjection projection = awake(competitionId);
        if (projection == null) { // never a restored one: awake() found none
            projection = competitions.computeIfAbsent(competitionId,
                    c -> new CompetitionProjection(message.partition(), trustedKeys));
        }
        CompetitionProjection.Outcome outcome = projection.accept(message.offset(), message.value());
        if (outcome == CompetitionProjection.Outcome.RESTORED) {
            return;
        }
        if (!launches.containsKey(competitionId) && projection.launch() != null) {
            launches.put(competitionId, projection.launch());
        }
        folded.incrementAndGet();
        checkpointAge.folded(competitionId);
        unpersistedSince.putIfAbsent(competitionId, message.offset());
        news.add(competitionId);
        switch (outcome) {
            case QUARANTINED -> quarantine(message, projection.lastProblem());
            case FOLDED -> changed.putIfAbsent(competitionId, projection.treeSize() - 1);
            default -> { }
        }
    }

    /**
     * One update per competition a poll changed: live in the time of a fetch, not of a checkpoint. The push is a
     * span linked to the folds of the traced records it announces (a push serves many commands' traces).
     */
    private void tellListeners(Map<String, Long> changed, List<Span> folds) {
        if (listeners.isEmpty() || changed.isEmpty()) {
            return;
        }
        SpanBuilder push = tracing.tracer().spanBuilder("push views").setAttribute("ledgerboard.sse.clients",
                (long) listeners.size());
        folds.stream().limit(MAX_LINKS).forEach(fold -> push.addLink(fold.getSpanContext()));
        Span span = folds.isEmpty() ? Span.getInvalid() : push.setNoParent().startSpan();
        try {
            changed.forEach((competitionId, fromTreeSize) -> {
                CompetitionProjection projection = competitions.get(competitionId);
                Update update = new Update(competitionId, projection.position(), fromTreeSize, projection.treeSize());
                listeners.forEach(listener -> listener.accept(update));
            });
        } finally {
            span.end();
        }
    }

    /**
     * What a stream resuming after the ledger position {@code after} missed of the competition, as one update: the
     * records folded since then (none when {@code fromTreeSize == treeSize}).
     */
    public Update since(String competitionId, long after) {
        CompetitionProjection projection = awake(competitionId);
        if (projection == null) {
            return new Update(competitionId, after, 0, 0);
        }
        synchronized (projection) {
            return new Update(competitionId, projection.position(), projection.treeSizeAt(after), projection.treeSize());
        }
    }

    /**
     * Keeps a record that is not folded, with why, for the writer to store before any state that covers it: the
     * verdict is the chain's (a retry would find the record a duplicate), so it must not depend on the store.
     */
    private void quarantine(ConsumerRecord<String, byte[]> message, String problem) {
        LOG.warnf("quarantined %s@%d: %s", message.key(), message.offset(), problem);
        quarantined.add(new Document("_id", message.partition() + ":" + message.offset())
                .append("competitionId", message.key()).append("problem", problem)
                .append("record", new String(message.value(), StandardCharsets.UTF_8)));
    }

    /** Stores the quarantined records in order; one that cannot be stored stays first in line. */
    private void storeQuarantined() {
        for (Document record = quarantined.peek(); record != null; record = quarantined.peek()) {
            store.getCollection("quarantine").replaceOne(Filters.eq("_id", record.get("_id")), record,
                    new ReplaceOptions().upsert(true));
            quarantined.poll();
        }
    }

    /**
     * Signs a checkpoint of every competition with news and hands it to the writer; one whose previous checkpoint
     * is still being written waits for the next round. A write that fails leaves the competition news, and
     * readiness names it until a later checkpoint of it is written.
     */
    private void checkpointWhatIsNew(Map<TopicPartition, Long> next) {
        if (!lease.held()) {
            return; // another instance writes; what is new now stays news until this one holds the lease
        }
        for (String competitionId : List.copyOf(news)) {
            Long earliest = notBefore.get(competitionId);
            if (earliest != null && System.nanoTime() - earliest < 0) {
                continue; // still news: checkpointed once its pause is over
            }
            if (writing.add(competitionId)) {
                Signed signed;
                try {
                    signed = sign(competitionId, competitions.get(competitionId));
                } catch (RuntimeException e) {
                    writing.remove(competitionId); // still news: signed again at the next round
                    throw e;
                }
                news.remove(competitionId);
                checkpointAge.signed(competitionId);
                inFlight.put(competitionId, unpersistedSince.get(competitionId)); // before the removal: never in neither
                unpersistedSince.remove(competitionId);
                checkpointWriter.execute(() -> write(signed));
            }
        }
        Map<Integer, Long> folded = new HashMap<>();
        next.forEach((partition, offset) -> folded.put(partition.partition(), offset));
        checkpointWriter.execute(() -> writeProgress(folded));
    }

    /**
     * Records where a restart may resume each partition: what the fold had read when the round was signed, or
     * less where some competition's records from there on are in no written state yet. Runs after the round's
     * writes, on the writer's thread.
     */
    private void writeProgress(Map<Integer, Long> folded) {
        Map<Integer, Long> resumeAt = new HashMap<>(folded);
        for (Map<String, Long> pending : List.of(unpersistedSince, inFlight)) {
            pending.forEach((competitionId, offset) -> resumeAt.computeIfPresent(
                    competitions.get(competitionId).partition(), (p, at) -> Math.min(at, offset)));
        }
        if (resumeAt.equals(progressWritten)) {
            return;
        }
        try {
            folds.writeProgress(resumeAt);
            progressWritten = resumeAt;
        } catch (RuntimeException e) {
            LOG.warnf("projections: cannot record progress (a restart re-folds more): %s", e.getMessage());
        }
    }

    /** A checkpoint, the views it vouches for as JSON and the fold's state, as taken on the fold's thread. */
    private record Signed(Checkpoint checkpoint, String viewsJson, CompetitionProjection.Persisted state,
                          long signedInNanos) {
    }

    private Signed sign(String competitionId, CompetitionProjection projection) {
        long started = System.nanoTime();
        ViewsFold fold = projection.fold();
        MerkleTree tree = projection.tree();
        CompetitionViews views = fold.views(competitionId);
        String digest = ViewsFold.digest(views);
        String root = Hashes.hex(tree.rootHash());
        byte[] statement = Checkpoint.statement(competitionId, tree.size(), root, digest);
        Checkpoint checkpoint = new Checkpoint(competitionId, tree.size(), root, digest, projection.position(),
                keys.key().keyId(), keys.key().signBase64(statement));
        try {
            String viewsJson = json.writeValueAsString(views);
            CompetitionProjection.Persisted state = projection.persisted(competitionId, folds.chunkSize());
            return new Signed(checkpoint, viewsJson, state, System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Signed signed) {
        Checkpoint checkpoint = signed.checkpoint();
        String competitionId = checkpoint.competitionId();
        indexCheckpoints(); // before the clock starts: a checkpoint's cost paces the next one
        long started = System.nanoTime();
        try {
            storeQuarantined();
            Document viewDocument = Document.parse(signed.viewsJson())
                    .append("_id", competitionId).append("position", checkpoint.position())
                    .append("treeSize", checkpoint.treeSize()).append("viewsDigest", checkpoint.viewsDigest());
            store.getCollection("views").replaceOne(Filters.eq("_id", competitionId), viewDocument,
                    new ReplaceOptions().upsert(true));
            String id = competitionId + ":" + checkpoint.treeSize();
            Document checkpointDocument = Document.parse(json.writeValueAsString(checkpoint))
                    .append("_id", id).append("createdAt", new Date());
            store.getCollection("checkpoints").replaceOne(Filters.eq("_id", id), checkpointDocument,
                    new ReplaceOptions().upsert(true));
            producer.send(new ProducerRecord<>(LedgerTopics.CHECKPOINTS, competitionId, json.writeValueAsBytes(checkpoint))).get();
            latestCheckpoints.put(competitionId, checkpoint);
            folds.write(signed.state(), json.writeValueAsString(checkpoint));
            competitions.get(competitionId).persistedUpTo(signed.state().treeSize());
            inFlight.remove(competitionId);
            unwritten.remove(competitionId);
            checkpointAge.written(competitionId);
        } catch (Exception e) {
            Long since = inFlight.remove(competitionId);
            if (since != null) {
                unpersistedSince.merge(competitionId, since, Math::min);
            }
            checkpointAge.failed(competitionId);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = "cannot checkpoint " + competitionId + ": " + e.getMessage();
            if (unwritten.put(competitionId, why) == null) {
                LOG.errorf(e, "projections: %s; retrying with the next checkpoint", why);
            }
            news.add(competitionId);
        } finally {
            long cost = signed.signedInNanos() + System.nanoTime() - started;
            // A process's first write pays one-off costs (the producer's first send, the store's new collections,
            // cold code): seconds that say nothing of the competition, so they pace nothing.
            notBefore.put(competitionId, System.nanoTime() + (warm ? CHECKPOINT_COST_SHARE * cost : 0));
            warm = true;
            writing.remove(competitionId);
        }
    }

    /** The dashboard lists a competition's checkpoints, the latest first: indexed once, on the writer's thread. */
    private void indexCheckpoints() {
        if (checkpointsIndexed) {
            return;
        }
        try {
            store.getCollection("checkpoints").createIndex(
                    Indexes.compoundIndex(Indexes.ascending("competitionId"), Indexes.descending("treeSize")));
            checkpointsIndexed = true;
        } catch (RuntimeException e) { // the store is away: the checkpoint's write fails and retries, and so does this
            LOG.debugf(e, "projections: cannot index the checkpoints yet");
        }
    }

    private final Map<String, Checkpoint> latestCheckpoints = new ConcurrentHashMap<>();
    /** Per competition, its launch as read (kept with its persisted state, so listed without restoring it). */
    private final Map<String, CompetitionProjection.Launch> launches = new ConcurrentHashMap<>();

    /** A competition as the list of competitions shows it; launch or checkpoint null where there is none yet. */
    public record Listed(String competitionId, CompetitionProjection.Launch launch, Checkpoint checkpoint) {
    }

    /** Every competition projections has read records of, the latest launched first (those without a launch last). */
    public List<Listed> list() {
        Set<String> ids = new TreeSet<>(competitions.keySet());
        ids.addAll(dormant);
        Comparator<Listed> newestFirst = Comparator.comparing(
                (Listed l) -> l.launch() == null ? Instant.MIN : Instant.parse(l.launch().time())).reversed();
        return ids.stream().map(id -> new Listed(id, launches.get(id), latestCheckpoints.get(id)))
                .sorted(newestFirst).toList();
    }

    public Optional<Checkpoint> latestCheckpoint(String competitionId) {
        return Optional.ofNullable(latestCheckpoints.get(competitionId));
    }
}
