package org.ledgerboard.projections.views;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.ledgerboard.projections.ledger.Projections;

import java.util.ArrayList;
import java.util.List;

/**
 * One dashboard's stream of a competition's updates: the stored ones after its {@code Last-Event-ID}, then the
 * live ones, each once and in ledger order. It listens before the history is read, holds live updates until the
 * history is sent, and sends only positions beyond the last one sent, so the hand-over loses and repeats nothing.
 */
final class UpdateStream implements Projections.Listener {
    private final String competitionId;
    private final SseEventSink sink;
    private final Sse sse;
    private final List<Projections.Update> heldBack = new ArrayList<>();
    private boolean live;
    private long sentUpTo;

    UpdateStream(String competitionId, long after, SseEventSink sink, Sse sse) {
        this.competitionId = competitionId;
        this.sentUpTo = after;
        this.sink = sink;
        this.sse = sse;
    }

    /** Sends the stored updates, then what arrived meanwhile; from now on updates go out as they come. */
    synchronized void history(Iterable<Projections.Update> stored) {
        stored.forEach(this::sendIfNew);
        heldBack.forEach(this::sendIfNew);
        heldBack.clear();
        live = true;
    }

    @Override
    public synchronized void accept(Projections.Update update) {
        if (!update.competitionId().equals(competitionId)) {
            return;
        }
        if (live) {
            sendIfNew(update);
        } else {
            heldBack.add(update);
        }
    }

    @Override
    public boolean closed() {
        return sink.isClosed();
    }

    private void sendIfNew(Projections.Update update) {
        if (update.position() > sentUpTo && !sink.isClosed()) {
            sink.send(sse.newEventBuilder().id(Long.toString(update.position())).name("views")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Projections.Update.class, update).build());
            sentUpTo = update.position();
        }
    }
}
