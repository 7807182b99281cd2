package org.ledgerboard.projections.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.audit.FoundingCompetition;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.projections.ledger.CompetitionProjection.Outcome;
import org.ledgerboard.testkit.LedgerInfra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What projections persist of a competition restores it as it was, and folding goes on as if it never stopped. */
class FoldStoreTest {
    private final MongoClient mongo = MongoClients.create(LedgerInfra.start().mongoConnectionString());
    // Chunks of 8 leaves, so that the founding ledger spans many and states end inside one.
    private final FoldStore store = new FoldStore(mongo.getDatabase("folds-" + UUID.randomUUID()), 8);
    private final FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());
    private final Supplier<TrustedKeys> keys = ledger::trustedKeys;

    @AfterEach
    void close() {
        mongo.close();
    }

    private static void fold(CompetitionProjection projection, List<byte[]> records, int from, int to) {
        for (int i = from; i < to; i++) {
            projection.accept(i, records.get(i));
        }
    }

    private void persist(CompetitionProjection projection) {
        CompetitionProjection.Persisted state = projection.persisted(FoundingCompetition.C, store.chunkSize());
        store.write(state, "{\"treeSize\":" + state.treeSize() + "}");
        projection.persistedUpTo(state.treeSize());
    }

    private CompetitionProjection restored() {
        return CompetitionProjection.restore(store.read(FoundingCompetition.C), keys);
    }

    private static String root(CompetitionProjection projection) {
        return Hashes.hex(projection.tree().rootHash());
    }

    @Test
    void aRestoredCompetitionHasTheSameTreeViewsAndPositionAsTheOneThatWasPersisted() {
        CompetitionProjection original = new CompetitionProjection(2, keys);
        int half = ledger.records.size() / 2;
        fold(original, ledger.records, 0, half - 3);
        persist(original);
        fold(original, ledger.records, half - 3, half); // the second state rewrites the chunk the first ended in
        persist(original);

        CompetitionProjection restored = restored();

        assertThat(restored.partition()).isEqualTo(2);
        assertThat(restored.treeSize()).isEqualTo(half);
        assertThat(restored.position()).isEqualTo(half - 1);
        assertThat(root(restored)).isEqualTo(root(original));
        assertThat(restored.views(FoundingCompetition.C)).isEqualTo(original.views(FoundingCompetition.C));
        assertThat(restored.treeSizeAt(half - 2)).isEqualTo(half - 1);
        assertThat(restored.launch()).isEqualTo(original.launch()).isNotNull();
        assertThat(restored.leaves(0, half)).isEqualTo(original.leaves(0, half));
    }

    @Test
    void recordsInTheRestoredStateAreSkippedAndTheRestFoldsAsOnAFoldThatNeverStopped() {
        CompetitionProjection original = new CompetitionProjection(0, keys);
        int half = ledger.records.size() / 2;
        fold(original, ledger.records, 0, half);
        persist(original);
        CompetitionProjection restored = restored();

        assertThat(restored.accept(half - 1, ledger.records.get(half - 1))).isEqualTo(Outcome.RESTORED);
        fold(original, ledger.records, half, ledger.records.size());
        fold(restored, ledger.records, half, ledger.records.size());

        assertThat(root(restored)).isEqualTo(root(original));
        assertThat(restored.views(FoundingCompetition.C)).isEqualTo(original.views(FoundingCompetition.C));
        // what the restored state knew still counts: an earlier event again is a duplicate, not a new leaf
        assertThat(restored.accept(ledger.records.size(), ledger.records.get(1))).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void leavesWrittenForAStateThatWasNotAreIgnored() {
        CompetitionProjection projection = new CompetitionProjection(0, keys);
        fold(projection, ledger.records, 0, 10);
        persist(projection);
        fold(projection, ledger.records, 10, 30);
        CompetitionProjection.Persisted unwritten = projection.persisted(FoundingCompetition.C, store.chunkSize());
        store.write(new CompetitionProjection.Persisted(unwritten.competitionId(), 0, 9, 10,
                projection.fold().snapshot(), unwritten.leavesFrom(), unwritten.leaves(), unwritten.launch()), "{}"); // leaves beyond

        assertThat(restored().treeSize()).isEqualTo(10);
    }

    @Test
    void aStartListsThePersistedCompetitionsWithTheirCheckpointsWithoutReadingTheirStates() {
        CompetitionProjection projection = new CompetitionProjection(0, keys);
        fold(projection, ledger.records, 0, 10);
        persist(projection);
        Map<String, String> heads = new HashMap<>();

        store.readHeads((competitionId, partition, position, checkpoint, launch) -> heads.put(competitionId,
                partition + " " + position + " " + checkpoint + " " + launch.name()));

        assertThat(heads).isEqualTo(Map.of(FoundingCompetition.C, "0 9 {\"treeSize\":10} " + "독자 AI 파운데이션 모델"));
        assertThat(store.read("never-persisted")).isNull();
    }

    @Test
    void progressIsKeptPerPartition() {
        store.writeProgress(Map.of(0, 17L, 2, 5L));
        store.writeProgress(Map.of(0, 21L));

        assertThat(store.progress()).isEqualTo(Map.of(0, 21L, 2, 5L));
    }
}
