package org.ledgerboard.projections.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.ChainVerifier;
import org.ledgerboard.core.integrity.Finding;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.core.merkle.MerkleTree;
import org.ledgerboard.core.view.ViewsFold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One competition as projections sees it: each sound, distinct record goes into the Merkle tree (its hash as the
 * leaf entry, in partition order) and, unless it is a seal, into the views fold; invalid records, forks and seals
 * that do not verify with the trusted keys are quarantined, never folded. Its state can be persisted
 * ({@link #persisted}) and restored ({@link #restore}) so that a restart does not re-fold the ledger.
 */
public final class CompetitionProjection {
    /** What became of a record. */
    enum Outcome { FOLDED, DUPLICATE, QUARANTINED, RESTORED }

    /** One leaf of the tree: the record it stands for and where that record is on the ledger. */
    public record Leaf(String eventId, String source, String hash, long position, boolean seal) {
    }

    private final int partition;
    private final ChainVerifier chains;
    private ViewsFold fold = new ViewsFold();
    private final MerkleTree tree = new MerkleTree();
    private final Map<String, Long> leafIndex = new HashMap<>();
    private final List<Leaf> leaves = new ArrayList<>(); // ascending positions
    private Launch launch; // from the competition's CompetitionLaunched, once read
    private long position = -1;
    private long restoredThrough = -1; // records at or before this position are in the restored state
    private volatile long persistedTreeSize; // leaves below this are in the store
    private String problem;

    CompetitionProjection(int partition, Supplier<TrustedKeys> trustedKeys) {
        this.partition = partition;
        this.chains = new ChainVerifier(trustedKeys);
    }

    synchronized Outcome accept(long offset, byte[] value) {
        if (offset <= restoredThrough) {
            return Outcome.RESTORED;
        }
        position = offset;
        LedgerRecord record = chains.accept(offset, value);
        if (record == null) {
            Finding finding = chains.lastFinding();
            if (finding == null) {
                return Outcome.DUPLICATE;
            }
            problem = finding.check() + ": " + finding.message();
            return Outcome.QUARANTINED;
        }
        if (record.data() instanceof CompetitionLaunched launched && launch == null) {
            launch = new Launch(launched.name(), launched.organiser(), record.time().toString());
        }
        boolean seal = record.data() instanceof LedgerSealed;
        addLeaf(new Leaf(record.id(), record.source(), record.hash(), offset, seal));
        if (seal) {
            return Outcome.FOLDED; // a leaf, but nothing for the views (as in the auditor's fold)
        }
        try {
            fold.apply(record.data());
        } catch (RuntimeException e) { // a fold that cannot take a sound record fails the same way every time
            problem = "the views fold failed on " + record.type() + " " + record.id() + ": " + e;
            return Outcome.QUARANTINED;
        }
        return Outcome.FOLDED;
    }

    private void addLeaf(Leaf leaf) {
        leafIndex.put(leaf.eventId(), (long) leaves.size());
        leaves.add(leaf);
        tree.appendEntry(Hashes.fromHex(leaf.hash()));
    }

    /**
     * The state to persist with a checkpoint: the fold's snapshot and the leaves from the first one not yet known
     * to be in the store, rounded down to a chunk boundary (chunks are written whole).
     */
    synchronized Persisted persisted(String competitionId, int chunk) {
        long from = persistedTreeSize / chunk * chunk;
        return new Persisted(competitionId, partition, position, tree.size(), fold.snapshot(), from,
                List.copyOf(leaves.subList((int) from, leaves.size())), launch);
    }

    /** What {@link #persisted} hands to the store. */
    record Persisted(String competitionId, int partition, long position, long treeSize, byte[] fold, long leavesFrom,
                     List<Leaf> leaves, Launch launch) {
    }

    /** What a list of competitions shows of one: its name, organiser and when it was launched (RFC 3339). */
    public record Launch(String name, String organiser, String time) {
    }

    /** The competition's launch as read from the ledger, or null before its CompetitionLaunched. */
    public synchronized Launch launch() {
        return launch;
    }

    /** Leaves {@code from} to {@code to - 1} of the tree (fewer where it is smaller), in tree order. */
    public synchronized List<Leaf> leaves(long from, long to) {
        int end = (int) Math.min(to, leaves.size());
        return from >= end ? List.of() : List.copyOf(leaves.subList((int) from, end));
    }

    void persistedUpTo(long treeSize) {
        persistedTreeSize = Math.max(persistedTreeSize, treeSize);
    }

    /**
     * A competition as a previous run persisted it: its leaves are taken as sound (they were checked before they
     * were stored), the fold resumes from its snapshot, and records up to {@code position} are skipped when read again.
     */
    static CompetitionProjection restore(Persisted state, Supplier<TrustedKeys> trustedKeys) {
        CompetitionProjection projection = new CompetitionProjection(state.partition(), trustedKeys);
        for (Leaf leaf : state.leaves()) {
            projection.chains.restore(state.competitionId(), leaf.source(), leaf.eventId(), leaf.hash(), leaf.seal());
            projection.addLeaf(leaf);
        }
        projection.fold = ViewsFold.restore(state.fold());
        projection.launch = state.launch();
        projection.position = state.position();
        projection.restoredThrough = state.position();
        projection.persistedTreeSize = state.treeSize();
        return projection;
    }

    public int partition() {
        return partition;
    }

    /** How many of the competition's records are at or before the ledger position: the tree size it reached. */
    public synchronized long treeSizeAt(long ledgerPosition) {
        int low = 0;
        int high = leaves.size(); // the first leaf after ledgerPosition is in [low, high]
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (leaves.get(middle).position() <= ledgerPosition) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The views as folded so far, with the position, tree size and digest they reflect; as a JSON tree taken under
     * the fold's lock, because the views share lists with the fold, which goes on meanwhile.
     */
    public synchronized LiveViews views(String competitionId) {
        JsonNode views = LedgerJson.mapper().valueToTree(fold.views(competitionId));
        return new LiveViews(views, position, tree.size(), Hashes.hex(Hashes.sha256(Canonical.bytes(views))));
    }

    /** A competition's views at one point of the ledger. */
    public record LiveViews(JsonNode views, long position, long treeSize, String viewsDigest) {
    }

    /** RFC 9162 inclusion proof of an event in the tree of {@code treeSize}, or null for an unknown event. */
    public synchronized InclusionProof inclusion(String eventId, long treeSize) {
        Long index = leafIndex.get(eventId);
        if (index == null || index >= treeSize || treeSize > tree.size()) {
            return null;
        }
        return new InclusionProof(eventId, index, treeSize, Hashes.hex(tree.leafHash(index)),
                tree.inclusionProof(index, treeSize).stream().map(Hashes::hex).toList(), Hashes.hex(tree.rootHash(treeSize)));
    }

    /** RFC 9162 consistency proof between two tree sizes, or null when they are not 0 < first <= second <= size. */
    public synchronized ConsistencyProof consistency(long first, long second) {
        if (first < 1 || first > second || second > tree.size()) {
            return null;
        }
        return new ConsistencyProof(first, second, Hashes.hex(tree.rootHash(first)), Hashes.hex(tree.rootHash(second)),
                tree.consistencyProof(first, second).stream().map(Hashes::hex).toList());
    }

    /** Proof that an event is in the tree: its leaf hash, index and audit path, and the root it leads to. */
    public record InclusionProof(String eventId, long leafIndex, long treeSize, String leafHash, List<String> path,
                                 String rootHash) {
    }

    /** Proof that the tree of {@code second} leaves extends the tree of {@code first}. */
    public record ConsistencyProof(long first, long second, String firstRoot, String secondRoot, List<String> proof) {
    }

    String lastProblem() {
        return problem;
    }

    ViewsFold fold() {
        return fold;
    }

    MerkleTree tree() {
        return tree;
    }

    synchronized long position() {
        return position;
    }

    public synchronized long treeSize() {
        return tree.size();
    }
}
