package org.ledgerboard.projections.views;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.projections.ledger.Projections;


/**
 * Live updates as Server-Sent Events: one message per poll of the ledger that changed the competition, naming the
 * records folded (as a range of its tree) and the ledger position the views now reflect, which is the SSE id. A
 * dashboard reconnecting with {@code Last-Event-ID} first gets one message with everything folded after that
 * position, then the live ones, so it misses nothing and sees nothing twice ({@link UpdateStream}).
 */
@Path("/competitions/{competitionId}/updates")
public class UpdatesResource {
    private final Projections projections;

    UpdatesResource(Projections projections) {
        this.projections = projections;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void updates(@RestPath String competitionId, @HeaderParam("Last-Event-ID") Long lastEventId,
                        @Context SseEventSink sink, @Context Sse sse) {
        long after = lastEventId == null ? -1 : lastEventId;
        UpdateStream stream = new UpdateStream(competitionId, sink, sse);
        // A first message sends the headers, so the connection's end closes the sink and the stream is dropped.
        sink.send(sse.newEventBuilder().comment("updates of " + competitionId).build());
        projections.listen(stream);
        stream.missed(projections.since(competitionId, after));
    }
}
