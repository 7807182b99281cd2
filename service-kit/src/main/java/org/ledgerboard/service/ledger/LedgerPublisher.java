package org.ledgerboard.service.ledger;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.LedgerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The outbox: a single-segment tracking processor hands every stored event to {@link LedgerWriter}, in store
 * order, a batch at a time. The records of a batch are sent without waiting for each ack; at the batch's last
 * event the handler waits for all of them, so the token, saved when the batch commits, never passes an event the
 * broker has not acknowledged. If any send failed, the whole batch is published again one by one, which skips
 * what landed. A crash in between re-publishes the same events, and because every field comes from the stored
 * event, the copies are byte-identical.
 */
@Singleton
@ProcessingGroup(LedgerPublisher.PROCESSING_GROUP)
public class LedgerPublisher {
    public static final String PROCESSING_GROUP = "ledger-publisher";
    /** Metadata of a stored event copied from the ledger (e.g. another service's decision): already published. */
    public static final String FROM_LEDGER = "fromLedger";
    private static final String BATCH = LedgerPublisher.class.getName() + ".batch";

    private final LedgerWriter writer;

    LedgerPublisher(LedgerWriter writer) {
        this.writer = writer;
    }

    /** A batch's records and their acks, in store order; once a send failed, the rest wait for the retry. */
    private static final class Sent {
        final List<LedgerRecord> records = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();
        boolean failed;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        Sent sent = unitOfWork.root().getOrComputeResource(BATCH, k -> new Sent());
        if (!message.getMetaData().containsKey(FROM_LEDGER)) {
            LedgerRecord record = StoredEvents.toRecord(writer.source(), (DomainEventMessage<?>) message);
            sent.records.add(record);
            if (!sent.failed) {
                try {
                    sent.acks.add(writer.publishAsync(record));
                } catch (RuntimeException e) { // nothing was sent: the retry below sends it
                    sent.failed = true;
                }
            }
        }
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            awaitAll(sent);
        }
    }

    private void awaitAll(Sent sent) {
        try {
            CompletableFuture.allOf(sent.acks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            sent.failed = true;
        }
        if (sent.failed) { // every send is answered now: publish the batch again in order, skipping what landed
            sent.records.forEach(writer::publish);
        }
    }
}
