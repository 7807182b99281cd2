package org.ledgerboard.projections.views;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.ledgerboard.projections.ledger.Projections;

import java.util.ArrayList;
import java.util.List;

/**
 * One dashboard's stream of a competition's updates: what it missed since its {@code Last-Event-ID}, then the live
 * ones, in ledger order. It listens before it asks what was missed, holds live updates until that is sent, and
 * sends of each update only the records beyond those already sent, so the hand-over loses and repeats nothing.
 */
final class UpdateStream implements Projections.Listener {
    private final String competitionId;
    private final SseEventSink sink;
    private final Sse sse;
    private final List<Projections.Update> heldBack = new ArrayList<>();
    private boolean live;
    private long sentTreeSize;

    UpdateStream(String competitionId, SseEventSink sink, Sse sse) {
        this.competitionId = competitionId;
        this.sink = sink;
        this.sse = sse;
    }

    /** Sends what was missed, then what arrived meanwhile; from now on updates go out as they come. */
    synchronized void missed(Projections.Update missed) {
        sentTreeSize = missed.fromTreeSize();
        sendIfNew(missed);
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
        if (update.treeSize() > sentTreeSize && !sink.isClosed()) {
            Projections.Update unsent = new Projections.Update(competitionId, update.position(),
                    Math.max(update.fromTreeSize(), sentTreeSize), update.treeSize());
            try {
                sink.send(sse.newEventBuilder().id(Long.toString(unsent.position())).name("views")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Projections.Update.class, unsent).build());
            } catch (IllegalStateException closedMeanwhile) { // the dashboard left; the stream is dropped
                return;
            }
            sentTreeSize = unsent.treeSize();
        }
    }
}
