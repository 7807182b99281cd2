package org.ledgerboard.projections.records;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.apache.kafka.common.KafkaException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.ledgerboard.projections.ledger.CompetitionProjection;
import org.ledgerboard.projections.ledger.CompetitionProjection.Leaf;
import org.ledgerboard.projections.ledger.Projections;
import org.ledgerboard.service.api.Input;
import org.ledgerboard.service.api.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /competitions/{c}/records?from=&limit=}: the competition's records in tree order, each with its leaf
 * index and ledger position, exactly as on the ledger, so that a reader (the dashboard) can hash them itself and
 * rebuild the tree a checkpoint signs.
 */
@Path("/competitions/{competitionId}/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {
    static final int MAX_LIMIT = 1000;

    private final Projections projections;
    private final LedgerRecords ledger;

    RecordsResource(Projections projections, LedgerRecords ledger) {
        this.projections = projections;
        this.ledger = ledger;
    }

    /** A page of records; {@code treeSize} is the tree's size when it was read, so a reader knows what is left. */
    public record Page(String competitionId, long from, long treeSize, List<RecordAt> records) {
    }

    /** One record: where it is in the competition's tree and on the ledger, and its JSON as written. */
    public record RecordAt(long leafIndex, long position, @JsonRawValue String record) {
    }

    @GET
    public Page records(@RestPath String competitionId, @RestQuery String from, @RestQuery String limit) {
        long first = Input.whole(from, "from", 0, Long.MAX_VALUE, 0);
        int count = (int) Input.whole(limit, "limit", 1, MAX_LIMIT, 500);
        CompetitionProjection projection = projections.competition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("no records yet for competition " + competitionId));
        List<Leaf> leaves = projection.leaves(first, first + count);
        long treeSize = projection.treeSize();
        List<String> records;
        try {
            records = ledger.read(projection.partition(), leaves);
        } catch (KafkaException e) {
            throw ProblemException.unavailable("the ledger cannot be read now: " + e.getMessage());
        }
        List<RecordAt> page = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            page.add(new RecordAt(first + i, leaves.get(i).position(), records.get(i)));
        }
        return new Page(competitionId, first, treeSize, page);
    }
}
