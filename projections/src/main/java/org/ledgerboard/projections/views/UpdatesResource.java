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

/**
 * Live updates as Server-Sent Events: one message per checkpoint of the competition, its SSE id the ledger position.
 * A dashboard reconnecting with {@code Last-Event-ID} first gets every checkpoint after that position, so it misses
 * nothing.
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
        for (Document missed : checkpoints.find(Filters.and(Filters.eq("competitionId", competitionId),
                Filters.gt("position", after))).sort(Sorts.ascending("position"))) {
            send(sink, sse, new Projections.Update(competitionId, missed.get("position", Number.class).longValue(),
                    missed.get("treeSize", Number.class).longValue(), missed.getString("viewsDigest")));
        }
        projections.listen(update -> {
            if (update.competitionId().equals(competitionId) && !sink.isClosed()) {
                send(sink, sse, update);
            }
        });
    }

    private static void send(SseEventSink sink, Sse sse, Projections.Update update) {
        sink.send(sse.newEventBuilder().id(Long.toString(update.position())).name("views")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Projections.Update.class, update).build());
    }
}
