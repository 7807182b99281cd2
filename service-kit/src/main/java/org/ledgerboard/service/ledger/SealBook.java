package org.ledgerboard.service.ledger;

import org.jboss.logging.Logger;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.Sealer;
import org.ledgerboard.core.integrity.SigningKey;
import org.ledgerboard.core.integrity.SourceChain;
import org.ledgerboard.kafka.LedgerReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This service's source chains as the ledger holds them, and what its seals already cover. Rebuilt from the topic
 * itself at start and after a failed send: the chain is defined over partition order, and only the topic knows it.
 */
final class SealBook {
    private static final Logger LOG = Logger.getLogger(SealBook.class);

    private final Sealer sealer;
    private final Map<String, Long> chained = new HashMap<>();
    private final Map<String, Long> covered = new HashMap<>();
    private final Map<String, Long> seals = new HashMap<>();
    private final Map<String, Long> lastSequence = new HashMap<>(); // aggregate -> highest sequence chained

    private SealBook(Sealer sealer) {
        this.sealer = sealer;
    }

    static String sealAggregate(String source) {
        return source + "/seals";
    }

    Sealer sealer() {
        return sealer;
    }

    boolean holds(LedgerRecord record) {
        return sealer.holds(record);
    }

    /** True if the record is its aggregate's next event: every earlier one is chained (on the ledger or sent). */
    boolean isNext(LedgerRecord record) {
        return !holds(record) && record.sequence() == lastSequence(record.aggregateId()) + 1;
    }

    long lastSequence(String aggregateId) {
        return lastSequence.getOrDefault(aggregateId, -1L);
    }

    void chained(LedgerRecord record) {
        if (sealer.append(record) == SourceChain.Outcome.APPENDED) {
            chained.merge(record.competitionId(), 1L, Long::sum);
            lastSequence.merge(record.aggregateId(), record.sequence(), Math::max);
        }
    }

    void sealed(LedgerSealed seal) {
        covered.put(seal.competitionId(), seal.count());
        seals.merge(seal.competitionId(), 1L, Long::sum);
    }

    long unsealed(String competitionId) {
        return chained.getOrDefault(competitionId, 0L) - covered.getOrDefault(competitionId, 0L);
    }

    long sealsPublished(String competitionId) {
        return seals.getOrDefault(competitionId, 0L);
    }

    /** Per aggregate, the highest sequence of this source's events chained; just rebuilt, what the ledger holds. */
    Map<String, Long> lastSequences() {
        return Map.copyOf(lastSequence);
    }

    List<String> competitionsWithNews() {
        return chained.keySet().stream().filter(c -> unsealed(c) > 0).sorted().toList();
    }

    /** The book of a source with nothing on the ledger. */
    static SealBook empty(String source, SigningKey key) {
        return new SealBook(new Sealer(source, key));
    }

    /** Reads {@code ledger.events} from the beginning to its current end, keeping this source's records. */
    static SealBook recover(String bootstrapServers, String source, SigningKey key) {
        SealBook book = empty(source, key);
        long[] read = {0};
        LedgerReader.readAll(bootstrapServers, message -> {
            read[0]++;
            book.replay(source, message.value());
        });
        LOG.infof("%s: source chains rebuilt from %d ledger records", source, read[0]);
        return book;
    }

    private void replay(String source, byte[] value) {
        LedgerRecord record;
        try {
            record = EventCodec.decode(value);
        } catch (InvalidRecordException e) {
            return; // not ours to judge here; the auditor reports it
        }
        if (!source.equals(record.source())) {
            return;
        }
        if (record.data() instanceof LedgerSealed seal) {
            sealed(seal);
        } else {
            chained(record);
        }
    }
}
