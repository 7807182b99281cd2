package org.ledgerboard.service.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads {@code ledger.events} as it grows, from where it stood when the watch started, and reports every event of
 * this service's source it reads. That is how an instance that does not publish learns that an event its command
 * recorded is on the ledger: from the ledger itself, which every instance sees, not from the publisher's memory.
 * <p>
 * While this instance publishes the source, the watch rests: each event of the source on the ledger is then either
 * one it published (reported as its transaction commits) or one read when it took over. Reading every record of
 * the ledger for nothing was half of ranking-service's CPU under the write benchmark. When it stops publishing, the
 * watch goes on from the records written {@link #CLOCKS_APART} before it last rested: the next publisher's come after
 * this one's lease ran out, at most about a second before that (the lease is checked every second), and two minutes
 * cover that and clocks that far apart.
 */
final class SourceWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SourceWatch.class);
    private static final Duration CLOCKS_APART = Duration.ofMinutes(2);
    // how often a resting watch asks whether this instance still publishes: reading a flag costs nothing, and a lease
    // lost is only noticed within the second anyway
    private static final Duration REST = Duration.ofMillis(100);

    private final String source;
    private final byte[] sourceBytes;
    private final Consumer<LedgerRecord> onEvent;
    private final BooleanSupplier publishingHere;
    private final LedgerReader reader;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts at the ledger's current end: whatever is already on it, the caller reads otherwise. */
    SourceWatch(String bootstrap, String source, Consumer<LedgerRecord> onEvent, BooleanSupplier publishingHere) {
        this.source = source;
        this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        this.onEvent = onEvent;
        this.publishingHere = publishingHere;
        this.reader = LedgerReader.open(bootstrap, LedgerReader.Pace.LIVE);
        reader.assignAll(Map.of()).forEach(reader::seek);
        this.thread = new Thread(this::run, "ledger-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Instant rested = null; // when the watch last rested, while this instance published
        while (running) {
            try {
                if (publishingHere.getAsBoolean()) {
                    rested = Instant.now();
                    TimeUnit.MILLISECONDS.sleep(REST.toMillis());
                    continue;
                }
                if (rested != null) {
                    reader.skipTo(rested.minus(CLOCKS_APART));
                    rested = null;
                }
                for (ConsumerRecord<String, byte[]> message : reader.poll(Duration.ofSeconds(1))) {
                    if (!mayBeOf(message.headers(), sourceBytes)) {
                        continue;
                    }
                    LedgerRecord record = read(message.value());
                    if (record != null && source.equals(record.source()) && !(record.data() instanceof LedgerSealed)) {
                        onEvent.accept(record);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (KafkaException e) { // the broker is away: the consumer reconnects on the next poll
                LOG.debugf("ledger watch: %s", e.getMessage());
            }
        }
    }

    /**
     * False for a record whose source header names another source: it is skipped unparsed (parsing every other
     * service's records was a fifth of ranking's time under load). Records without the header are parsed.
     */
    static boolean mayBeOf(Headers headers, byte[] source) {
        Header named = headers.lastHeader(LedgerTopics.SOURCE_HEADER);
        return named == null || Arrays.equals(named.value(), source);
    }

    private static LedgerRecord read(byte[] value) {
        try {
            return EventCodec.decode(value);
        } catch (InvalidRecordException e) {
            return null; // not a fact; the auditor reports it
        }
    }

    @Override
    public void close() {
        running = false;
        reader.wakeup();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            reader.close();
        }
    }
}
