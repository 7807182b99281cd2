package org.ledgerboard.projections.views;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.bson.Document;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.ServiceConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Live updates as Server-Sent Events: one message per checkpoint of the competition, its SSE id the ledger position.
 * A dashboard reconnecting with {@code Last-Event-ID} first gets every checkpoint after that position, then the
 * live ones, so it misses nothing and sees nothing twice ({@link UpdateStream}).
 */
@Path("/competitions/{competitionId}/updates")
public class UpdatesResource {
    private final Projections projections;
    private final MongoCollection<Document> checkpoints;

    UpdatesResource(Projections projections, MongoClient mongo, ServiceConfig config) {
        this.projections = projections;
        this.checkpoints = mongo.getDatabase(config.mongo().database()).getCollection("checkpoints");
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void updates(@RestPath String competitionId, @HeaderParam("Last-Event-ID") Long lastEventId,
                        @Context SseEventSink sink, @Context Sse sse) {
        long after = lastEventId == null ? -1 : lastEventId;
        UpdateStream stream = new UpdateStream(competitionId, after, sink, sse);
        // A first message sends the headers, so the connection's end closes the sink and the stream is dropped.
        sink.send(sse.newEventBuilder().comment("updates of " + competitionId).build());
        projections.listen(stream);
        List<Projections.Update> stored = new ArrayList<>();
        for (Document missed : checkpoints.find(Filters.and(Filters.eq("competitionId", competitionId),
                Filters.gt("position", after))).sort(Sorts.ascending("position"))) {
            stored.add(new Projections.Update(competitionId, missed.get("position", Number.class).longValue(),
                    missed.get("treeSize", Number.class).longValue(), missed.getString("viewsDigest")));
        }
        stream.history(stored);
    }
}
