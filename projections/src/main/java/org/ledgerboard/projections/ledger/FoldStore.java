package org.ledgerboard.projections.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.projections.ledger.CompetitionProjection.Leaf;
import org.ledgerboard.projections.ledger.CompetitionProjection.Persisted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * A state is written after its leaves, and the progress after the states, so what is read back is always whole.
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
        folds.replaceOne(Filters.eq("_id", c), new Document("_id", c).append("partition", state.partition())
                .append("position", state.position()).append("treeSize", state.treeSize())
                .append("fold", new Binary(state.fold())).append("checkpoint", checkpointJson), UPSERT);
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
     * Every persisted competition: its state with all its leaves, and the checkpoint written with it. The leaves
     * are read in one pass over their collection, as a whole restore needs all of them anyway (and the embedded
     * store has no secondary indexes to fetch one competition's chunks by).
     */
    void readAll(StateVisitor visitor) {
        Map<String, Document> states = new HashMap<>();
        // Small batches: the embedded store does not cut replies at 16 MB as MongoDB does.
        folds.find().batchSize(16).forEach(fold -> states.put(fold.getString("_id"), fold));
        Map<String, TreeMap<Long, List<Leaf>>> chunks = new HashMap<>();
        for (Document chunk : leaves.find().batchSize(64)) {
            Document state = states.get(chunk.getString("competitionId"));
            long number = chunk.getLong("chunk");
            if (state != null && number * chunkSize < state.getLong("treeSize")) { // else not (yet) in a state
                chunks.computeIfAbsent(chunk.getString("competitionId"), c -> new TreeMap<>()).put(number, leaves(chunk));
            }
        }
        states.forEach((c, fold) -> {
            long treeSize = fold.getLong("treeSize");
            List<Leaf> all = new ArrayList<>((int) treeSize);
            chunks.getOrDefault(c, new TreeMap<>()).forEach((number, part) -> {
                if (number != all.size() / chunkSize) {
                    throw new IllegalStateException("chunk " + number + " of " + c + "'s leaves follows " + all.size());
                }
                all.addAll(part);
            });
            if (all.size() < treeSize) {
                throw new IllegalStateException("the store holds " + all.size() + " leaves of " + c
                        + " but its state counts " + treeSize);
            }
            visitor.state(new Persisted(c, fold.getInteger("partition"), fold.getLong("position"), treeSize,
                    fold.get("fold", Binary.class).getData(), 0, all.subList(0, (int) treeSize)),
                    fold.getString("checkpoint"));
        });
    }

    interface StateVisitor {
        void state(Persisted state, String checkpointJson);
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
