package org.ledgerboard.projections.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.projections.ledger.CompetitionProjection.Launch;
import org.ledgerboard.projections.ledger.CompetitionProjection.Leaf;
import org.ledgerboard.projections.ledger.CompetitionProjection.Persisted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where projections keep what they folded, so that a restart resumes instead of re-folding the ledger:
 * <ul>
 *   <li>{@code folds}: per competition, the fold's snapshot, the position and tree size it reflects, written with
 *       each checkpoint (replaced whole);</li>
 *   <li>{@code leaves}: per competition, its tree's leaves in chunks of 1,024 (event id, source, record
 *       hash, ledger position, seal or not): append-only, so a checkpoint writes only the chunk(s) it touched;</li>
 *   <li>{@code progress}: per partition, the offset below which every record is in some competition's state: where
 *       reading resumes.</li>
 * </ul>
 * A state is written after its leaves, and the progress after the states, so what is read back is always whole. A
 * start reads only the list of states; each is read when its competition is first needed.
 */
final class FoldStore {
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final int chunkSize;
    private final MongoCollection<Document> folds;
    private final MongoCollection<Document> leaves;
    private final MongoCollection<Document> progress;

    FoldStore(MongoDatabase store) {
        this(store, 1024);
    }

    FoldStore(MongoDatabase store, int chunkSize) {
        this.chunkSize = chunkSize;
        this.folds = store.getCollection("folds");
        this.leaves = store.getCollection("leaves");
        this.progress = store.getCollection("progress");
    }

    /** How many leaves a chunk holds: states hand over their leaves from a chunk's start. */
    int chunkSize() {
        return chunkSize;
    }

    /** Writes the state's leaves, then the state itself with the checkpoint that vouches for it. */
    void write(Persisted state, String checkpointJson) {
        String c = state.competitionId();
        for (int i = 0; i < state.leaves().size(); i += chunkSize) {
            long chunk = (state.leavesFrom() + i) / chunkSize;
            List<Leaf> part = state.leaves().subList(i, Math.min(i + chunkSize, state.leaves().size()));
            leaves.replaceOne(Filters.eq("_id", c + "#" + chunk), chunkDocument(c, chunk, part), UPSERT);
        }
        Document fold = new Document("_id", c).append("partition", state.partition())
                .append("position", state.position()).append("treeSize", state.treeSize())
                .append("fold", new Binary(state.fold())).append("checkpoint", checkpointJson);
        if (state.launch() != null) {
            fold.append("name", state.launch().name()).append("organiser", state.launch().organiser())
                    .append("launchedAt", state.launch().time());
        }
        folds.replaceOne(Filters.eq("_id", c), fold, UPSERT);
    }

    void writeProgress(Map<Integer, Long> next) {
        next.forEach((partition, offset) -> progress.replaceOne(Filters.eq("_id", partition),
                new Document("_id", partition).append("next", offset), UPSERT));
    }

    /** Per partition, the offset to resume reading at; partitions not in it start from the beginning. */
    Map<Integer, Long> progress() {
        Map<Integer, Long> next = new HashMap<>();
        progress.find().forEach(d -> next.put(d.getInteger("_id"), d.getLong("next")));
        return next;
    }

    /**
     * Every persisted competition with the checkpoint written with its state, without the state itself: a start
     * reads this much, and each competition's state only when it is needed ({@link #read}).
     */
    void readHeads(HeadVisitor visitor) {
        // Small batches: the embedded store does not cut replies at 16 MB as MongoDB does.
        // (MongoDB's Projections, fully named: this package has a Projections of its own)
        folds.find().projection(com.mongodb.client.model.Projections.exclude("fold")).batchSize(256)
                .forEach(head -> visitor.head(head.getString("_id"), head.getInteger("partition"),
                        head.getLong("position"), head.getString("checkpoint"), launch(head)));
    }

    interface HeadVisitor {
        void head(String competitionId, int partition, long position, String checkpointJson, Launch launch);
    }

    /** Null for a state written before launches were kept with it, or of a competition whose launch is not read. */
    private static Launch launch(Document fold) {
        return fold.containsKey("launchedAt")
                ? new Launch(fold.getString("name"), fold.getString("organiser"), fold.getString("launchedAt")) : null;
    }

    /** Forgets every state and the progress: the next start folds the ledger from its beginning. */
    void clear() {
        List.of(folds, leaves, progress).forEach(collection -> collection.deleteMany(new Document()));
    }

    /** A competition's persisted state with all its leaves, or null when none was written. */
    Persisted read(String competitionId) {
        Document fold = folds.find(Filters.eq("_id", competitionId)).first();
        if (fold == null) {
            return null;
        }
        long treeSize = fold.getLong("treeSize");
        List<String> chunkIds = new ArrayList<>();
        for (long chunk = 0; chunk * chunkSize < treeSize; chunk++) {
            chunkIds.add(competitionId + "#" + chunk);
        }
        Map<String, Document> chunks = new HashMap<>();
        leaves.find(Filters.in("_id", chunkIds)).batchSize(16).forEach(chunk -> chunks.put(chunk.getString("_id"), chunk));
        List<Leaf> all = new ArrayList<>((int) treeSize);
        for (String id : chunkIds) {
            Document chunk = chunks.get(id);
            if (chunk == null) {
                throw new IllegalStateException("the store lacks leaves " + id + " of a state of " + treeSize + " leaves");
            }
            all.addAll(leaves(chunk));
        }
        return new Persisted(competitionId, fold.getInteger("partition"), fold.getLong("position"), treeSize,
                fold.get("fold", Binary.class).getData(), 0, all.subList(0, (int) treeSize), launch(fold));
    }

    private static Document chunkDocument(String competitionId, long chunk, List<Leaf> part) {
        byte[] hashes = new byte[part.size() * Hashes.LENGTH];
        List<String> ids = new ArrayList<>(part.size());
        List<String> sources = new ArrayList<>(part.size());
        List<Long> positions = new ArrayList<>(part.size());
        List<Integer> seals = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            Leaf leaf = part.get(i);
            System.arraycopy(Hashes.fromHex(leaf.hash()), 0, hashes, i * Hashes.LENGTH, Hashes.LENGTH);
            ids.add(leaf.eventId());
            sources.add(leaf.source());
            positions.add(leaf.position());
            if (leaf.seal()) {
                seals.add(i);
            }
        }
        return new Document("_id", competitionId + "#" + chunk).append("competitionId", competitionId)
                .append("chunk", chunk).append("ids", ids).append("sources", sources)
                .append("hashes", new Binary(hashes)).append("positions", positions).append("seals", seals);
    }

    private static List<Leaf> leaves(Document chunk) {
        List<String> ids = chunk.getList("ids", String.class);
        List<String> sources = chunk.getList("sources", String.class);
        List<Long> positions = chunk.getList("positions", Long.class);
        List<Integer> seals = chunk.getList("seals", Integer.class);
        byte[] hashes = chunk.get("hashes", Binary.class).getData();
        List<Leaf> into = new ArrayList<>(ids.size());
        int seal = 0;
        for (int i = 0; i < ids.size(); i++) {
            byte[] hash = new byte[Hashes.LENGTH];
            System.arraycopy(hashes, i * Hashes.LENGTH, hash, 0, Hashes.LENGTH);
            boolean isSeal = seal < seals.size() && seals.get(seal) == i;
            if (isSeal) {
                seal++;
            }
            into.add(new Leaf(ids.get(i), sources.get(i).intern(), Hashes.hex(hash), positions.get(i), isSeal));
        }
        return into;
    }
}
