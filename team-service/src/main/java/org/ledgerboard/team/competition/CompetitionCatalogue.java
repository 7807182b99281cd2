package org.ledgerboard.team.competition;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.service.ServiceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The list of competitions, newest first, kept in MongoDB by a subscribing handler: it runs in the launching
 * command's unit of work, so a competition is listed as soon as its launch is answered. Upserts make replays
 * harmless.
 */
@Singleton
@ProcessingGroup(CompetitionCatalogue.PROCESSING_GROUP)
public class CompetitionCatalogue {
    static final String PROCESSING_GROUP = "competition-catalogue";

    private final MongoCollection<Document> competitions;

    CompetitionCatalogue(MongoClient mongo, ServiceConfig config) {
        this.competitions = mongo.getDatabase(config.mongo().database()).getCollection("competitions");
    }

    @EventHandler
    void on(CompetitionLaunched launched, @Timestamp Instant at) {
        competitions.replaceOne(Filters.eq("_id", launched.competitionId()),
                new Document("_id", launched.competitionId())
                        .append("name", launched.name())
                        .append("organiser", launched.organiser())
                        .append("launchedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    /** Listed competition: id, name, organiser, launch time. */
    public record Entry(String competitionId, String name, String organiser, Instant launchedAt) {
    }

    public List<Entry> newestFirst() {
        List<Entry> entries = new ArrayList<>();
        for (Document d : competitions.find().sort(Sorts.orderBy(Sorts.descending("launchedAt"), Sorts.ascending("_id")))) {
            entries.add(new Entry(d.getString("_id"), d.getString("name"), d.getString("organiser"),
                    d.getDate("launchedAt").toInstant()));
        }
        return entries;
    }
}
