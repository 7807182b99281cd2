package org.ledgerboard.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.view.CompetitionViews;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Replays a ledger, record by record in partition order, and checks everything the ledger promises (see
 * {@link AuditShard}). Competitions are independent, so their records are checked in parallel: each competition
 * belongs to one shard, which gets its records in the order they were read, on its own thread. The report is the
 * same whatever the number of shards: findings in ledger order, then what is judged at the end, sorted.
 */
public final class Auditor {
    /** The source whose key signs checkpoints. */
    public static final String PROJECTIONS = "/projections";

    private static final int BATCH = 256;
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] COMPETITION_ID = "\"competitionid\":\"".getBytes(StandardCharsets.US_ASCII);

    private final List<AuditShard> shards = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Map<String, Integer> shardOfCompetition = new HashMap<>();
    private boolean reading; // checkpoints are expected before the first record

    /** One shard per processor. */
    public Auditor(TrustedKeys trustedKeys) {
        this(trustedKeys, Runtime.getRuntime().availableProcessors());
    }

    /** With {@code threads} shards; one shard runs on the caller's thread. */
    public Auditor(TrustedKeys trustedKeys, int threads) {
        for (int i = 0; i < threads; i++) {
            shards.add(new AuditShard(trustedKeys));
        }
        if (threads > 1) {
            shards.forEach(shard -> workers.add(new Worker(shard)));
        }
    }

    /** The record at {@code position} of the ledger (its offset, or its line in a file). */
    public void accept(long position, byte[] record) {
        reading = true;
        if (workers.isEmpty()) { // one shard: no need to know the competition before the shard parses the record
            shards.get(0).accept(position, record);
        } else {
            workers.get(shardOf(competitionIdOf(record))).add(position, record);
        }
    }

    /**
     * Checkpoints signed by projections, to compare with the replay when the competition's tree reaches their
     * size; give them before the records.
     */
    public void expectCheckpoint(Checkpoint checkpoint) {
        if (reading) { // a shard's thread may be reading its checkpoints now
            throw new IllegalStateException("checkpoints are given before the records");
        }
        shards.get(shardOf(checkpoint.competitionId())).expectCheckpoint(checkpoint);
    }

    /** Waits for every record given so far to be checked; the auditor takes no more records after this. */
    public AuditReport report() {
        workers.forEach(Worker::end);
        List<AuditReport> parts = workers.isEmpty() ? List.of(shards.get(0).report())
                : workers.stream().map(Worker::report).toList();
        long checkpointsChecked = shards.stream().mapToLong(AuditShard::checkpointsChecked).sum();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < parts.get(0).verdicts().size(); i++) {
            Verdict first = parts.get(0).verdicts().get(i);
            int check = i;
            List<Finding> findings = new ArrayList<>();
            parts.forEach(part -> findings.addAll(part.verdicts().get(check).findings()));
            // ledger order; what is found only at the end (position -1) after it, by message
            findings.sort(Comparator.comparing((Finding f) -> f.position() < 0)
                    .thenComparingLong(Finding::position).thenComparing(Finding::message));
            String description = first.check().equals("checkpoints")
                    ? AuditShard.CHECKPOINTS + " (" + checkpointsChecked + " checked)" : first.description();
            verdicts.add(new Verdict(first.check(), description, findings));
        }
        Map<String, Long> unsealed = new TreeMap<>();
        Map<String, CompetitionViews> views = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        for (AuditReport part : parts) {
            unsealed.putAll(part.unsealed());
            part.views().forEach(v -> views.put(v.competitionId(), v));
            digests.putAll(part.viewsDigests());
        }
        return new AuditReport(verdicts, parts.stream().mapToLong(AuditReport::records).sum(),
                parts.stream().mapToLong(AuditReport::duplicates).sum(), unsealed, List.copyOf(views.values()), digests);
    }

    /** Competitions go to the shards in turn as they first appear, so that a few big ones are spread too. */
    private int shardOf(String competitionId) {
        return shardOfCompetition.computeIfAbsent(competitionId, c -> shardOfCompetition.size() % shards.size());
    }

    /**
     * The record's {@code competitionid} as its full parse takes it; empty for a record without one, which the
     * shard it lands on reports. A record has a name once per object (a parse refuses one twice), and before
     * {@code "competitionid":"} written records have only unescaped strings at the top level: there, those bytes
     * are that member and the start of its value, and a written record is routed on them without a parse. Any
     * other record is read by a streaming parse.
     */
    static String competitionIdOf(byte[] record) {
        int name = indexOf(record, COMPETITION_ID);
        if (name > 0) {
            int value = name + COMPETITION_ID.length;
            for (int i = 1; i < name; i++) { // the members before it: no nesting, no escape
                byte b = record[i];
                if (b == '{' || b == '[' || b == '\\') {
                    return streamedCompetitionIdOf(record);
                }
            }
            for (int end = value; end < record.length && record[end] != '\\'; end++) {
                if (record[end] == '"') {
                    return new String(record, value, end - value, StandardCharsets.UTF_8);
                }
            }
        }
        return streamedCompetitionIdOf(record);
    }

    /** Where {@code pattern} first occurs in {@code bytes}, or -1. */
    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            // the second byte first: a quote starts every name and string, which made this a third of the reading
            if (bytes[i + 1] == pattern[1] && bytes[i] == pattern[0] && startsWith(bytes, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return at + prefix.length <= bytes.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0,
                prefix.length);
    }

    /** The last top-level {@code competitionid}, as the full parse takes it. */
    private static String streamedCompetitionIdOf(byte[] record) {
        String found = "";
        try (JsonParser parser = JSON.createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("competitionid".equals(name) && value == JsonToken.VALUE_STRING) {
                    found = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException malformed) {
            // the shard's full parse reports it
        }
        return found;
    }

    /** A record as read, at its position. */
    private record Read(long position, byte[] bytes) {
    }

    /** A shard on its own thread, fed batches of records in the order they were read; it reports there too. */
    private static final class Worker {
        private static final List<Read> END = List.of();

        private final BlockingQueue<List<Read>> queue = new ArrayBlockingQueue<>(64);
        private final Thread thread;
        private List<Read> batch = new ArrayList<>(BATCH);
        private volatile RuntimeException failure;
        private AuditReport report; // written by the thread, read once it has ended

        Worker(AuditShard shard) {
            thread = new Thread(() -> {
                try {
                    for (List<Read> records = take(); records != END; records = take()) {
                        records.forEach(record -> shard.accept(record.position(), record.bytes()));
                    }
                    report = shard.report();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }, "auditor-shard");
            thread.setDaemon(true);
            thread.start();
        }

        void add(long position, byte[] record) {
            batch.add(new Read(position, record));
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        /** No more records: the shard checks what it has, then reports. */
        void end() {
            put(batch);
            put(END);
        }

        AuditReport report() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the audit finished", e);
            }
            if (failure != null) {
                throw failure;
            }
            return report;
        }

        private List<Read> take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private void put(List<Read> records) {
            try {
                while (!queue.offer(records, 100, TimeUnit.MILLISECONDS)) {
                    if (failure != null) { // the shard's thread is gone: nobody takes from the queue
                        throw failure;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing records to the audit", e);
            }
        }
    }
}
