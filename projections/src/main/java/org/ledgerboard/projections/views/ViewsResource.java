package org.ledgerboard.projections.views;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.jboss.resteasy.reactive.RestPath;
import org.ledgerboard.core.integrity.Checkpoint;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.ServiceConfig;
import org.ledgerboard.service.api.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The views of a competition as last written, each with the ledger position, tree size and digest it reflects. */
@Path("/competitions/{competitionId}")
@Produces(MediaType.APPLICATION_JSON)
public class ViewsResource {
    private final MongoCollection<Document> views;
    private final Projections projections;

    ViewsResource(MongoClient mongo, ServiceConfig config, Projections projections) {
        this.views = mongo.getDatabase(config.mongo().database()).getCollection("views");
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

    private Map<String, Object> view(String competitionId, String part) {
        Document document = views.find(Filters.eq("_id", competitionId)).first();
        if (document == null) {
            throw ProblemException.notFound("no views yet for competition " + competitionId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("competitionId", competitionId);
        answer.put("position", document.get("position"));
        answer.put("treeSize", document.get("treeSize"));
        answer.put("viewsDigest", document.get("viewsDigest"));
        answer.put(part, document.get(part));
        return answer;
    }
}
