package org.ledgerboard.projections.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.canonical.LedgerJson;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.InvalidRecordException;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.integrity.SourceChain;
import org.ledgerboard.core.merkle.MerkleTree;
import org.ledgerboard.core.view.ViewsFold;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One competition as projections sees it: each sound, distinct record goes into the Merkle tree (its hash as the
 * leaf entry, in partition order) and into the views fold; invalid records and forks are quarantined, never folded.
 */
public final class CompetitionProjection {
    /** What became of a record. */
    enum Outcome { FOLDED, DUPLICATE, QUARANTINED }

    private final ViewsFold fold = new ViewsFold();
    private final MerkleTree tree = new MerkleTree();
    private final Map<String, SourceChain> chains = new HashMap<>();
    private final Map<String, Long> leafIndex = new HashMap<>();
    private long[] leafPositions = new long[16]; // the ledger position of each leaf, ascending
    private long position = -1;
    private String problem;

    synchronized Outcome accept(long offset, byte[] value) {
        position = offset;
        LedgerRecord record;
        try {
            EventCodec.Checked checked = EventCodec.check(value);
            record = checked.record();
            if (!checked.contentHash().equals(record.hash())) {
                problem = "hash does not match the content";
                return Outcome.QUARANTINED;
            }
        } catch (InvalidRecordException e) {
            problem = e.getMessage();
            return Outcome.QUARANTINED;
        }
        switch (chains.computeIfAbsent(record.source(), s -> new SourceChain()).append(record.id(), record.hash())) {
            case DUPLICATE:
                return Outcome.DUPLICATE;
            case FORK:
                problem = "fork: event id " + record.id() + " was already recorded with other content";
                return Outcome.QUARANTINED;
            default:
                break;
        }
        leafIndex.put(record.id(), tree.size());
        if (tree.size() == leafPositions.length) {
            leafPositions = Arrays.copyOf(leafPositions, leafPositions.length * 2);
        }
        leafPositions[(int) tree.size()] = offset;
        tree.appendEntry(Hashes.fromHex(record.hash()));
        try {
            fold.apply(record.data());
        } catch (RuntimeException e) { // a fold that cannot take a sound record fails the same way every time
            problem = "the views fold failed on " + record.type() + " " + record.id() + ": " + e;
            return Outcome.QUARANTINED;
        }
        return Outcome.FOLDED;
    }

    /** How many of the competition's records are at or before the ledger position: the tree size it reached. */
    public synchronized long treeSizeAt(long ledgerPosition) {
        int found = Arrays.binarySearch(leafPositions, 0, (int) tree.size(), ledgerPosition);
        return found >= 0 ? found + 1 : -found - 1;
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

    Long leafIndex(String eventId) {
        return leafIndex.get(eventId);
    }

    synchronized long position() {
        return position;
    }

    synchronized long treeSize() {
        return tree.size();
    }
}
