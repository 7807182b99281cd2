package org.ledgerboard.projections.views;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.projections.ledger.CompetitionProjection;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The views of a competition, each with the ledger position, tree size and digest it reflects: as folded so far
 * once projections has caught up with the ledger (so a dashboard told of an update sees it at once), before that as
 * last written to MongoDB (never an older prefix of the ledger than was served before a restart).
 */
@Path("/competitions/{competitionId}")
@Produces(MediaType.APPLICATION_JSON)
public class ViewsResource {
    private final MongoCollection<Document> views;
    private final MongoCollection<Document> checkpoints;
    private final Projections projections;

    ViewsResource(MongoClient mongo, ServiceConfig config, Projections projections) {
        this.views = mongo.getDatabase(config.mongo().database()).getCollection("views");
        this.checkpoints = mongo.getDatabase(config.mongo().database()).getCollection("checkpoints");
        this.projections = projections;
    }

    @GET
    @Path("/standings")
    public Map<String, Object> standings(@RestPath String competitionId) {
        return view(competitionId, "standings");
    }

    @GET
    @Path("/funding")
    public Map<String, Object> funding(@RestPath String competitionId) {
        return view(competitionId, "funding");
    }

    @GET
    @Path("/rounds")
    public Map<String, Object> rounds(@RestPath String competitionId) {
        return view(competitionId, "rounds");
    }

    @GET
    @Path("/checkpoints/latest")
    public Checkpoint latestCheckpoint(@RestPath String competitionId) {
        return projections.latestCheckpoint(competitionId)
                .orElseThrow(() -> ProblemException.notFound("no checkpoint yet for competition " + competitionId));
    }

    /** The competition's signed checkpoints, the latest first: what a reader checks an earlier view against. */
    @GET
    @Path("/checkpoints")
    public List<Checkpoint> checkpoints(@RestPath String competitionId, @RestQuery String limit) {
        int count = (int) Input.whole(limit, "limit", 1, 1000, 50);
        List<Checkpoint> found = new ArrayList<>();
        checkpoints.find(Filters.eq("competitionId", competitionId)).sort(Sorts.descending("treeSize")).limit(count)
                .forEach(d -> found.add(new Checkpoint(d.getString("competitionId"),
                        d.get("treeSize", Number.class).longValue(), d.getString("rootHash"), d.getString("viewsDigest"),
                        d.get("position", Number.class).longValue(), d.getString("keyId"), d.getString("signature"))));
        return found;
    }

    private Map<String, Object> view(String competitionId, String part) {
        if (projections.caughtUp()) {
            Optional<CompetitionProjection.LiveViews> folded = projections.competition(competitionId)
                    .map(p -> p.views(competitionId));
            if (folded.isPresent()) {
                return answer(competitionId, folded.get().position(), folded.get().treeSize(),
                        folded.get().viewsDigest(), part, folded.get().views().get(part));
            }
        }
        Document document = views.find(Filters.eq("_id", competitionId)).first();
        if (document == null) {
            throw ProblemException.notFound("no views yet for competition " + competitionId);
        }
        return answer(competitionId, document.get("position"), document.get("treeSize"),
                document.get("viewsDigest"), part, document.get(part));
    }

    private static Map<String, Object> answer(String competitionId, Object position, Object treeSize,
                                              Object viewsDigest, String part, Object view) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("competitionId", competitionId);
        answer.put("position", position);
        answer.put("treeSize", treeSize);
        answer.put("viewsDigest", viewsDigest);
        answer.put(part, view);
        return answer;
    }
}
