package org.ledgerboard.projections.ledger;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.audit.FoundingCompetition;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.integrity.TrustedKeys;
import org.ledgerboard.projections.ledger.CompetitionProjection.Outcome;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A competition's records go into its tree and views only when sound; seals count only when they verify. */
class CompetitionProjectionTest {
    private final FoundingCompetition.Ledger ledger = new FoundingCompetition.Ledger(FoundingCompetition.steps());

    private static boolean isSeal(byte[] record) {
        return EventCodec.decode(record).data() instanceof LedgerSealed;
    }

    private static List<Outcome> fold(CompetitionProjection projection, List<byte[]> records) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            outcomes.add(projection.accept(i, records.get(i)));
        }
        return outcomes;
    }

    @Test
    void aLedgerWhoseSealsVerifyWithTheTrustedKeysIsFoldedWhole() {
        CompetitionProjection projection = new CompetitionProjection(0, ledger::trustedKeys);

        assertThat(fold(projection, ledger.records)).containsOnly(Outcome.FOLDED);
        assertThat(projection.treeSize()).isEqualTo(ledger.records.size());
    }

    @Test
    void aSealNoTrustedKeySignedIsQuarantinedAndTheEventsAreStillFolded() {
        CompetitionProjection projection = new CompetitionProjection(0, () -> new TrustedKeys(List.of()));

        List<Outcome> outcomes = fold(projection, ledger.records);

        for (int i = 0; i < outcomes.size(); i++) {
            assertThat(outcomes.get(i)).isEqualTo(isSeal(ledger.records.get(i)) ? Outcome.QUARANTINED : Outcome.FOLDED);
        }
        assertThat(projection.lastProblem()).startsWith("seal-key: no trusted key");
    }

    @Test
    void aSealOverAChainThatLostARecordIsQuarantined() {
        List<byte[]> records = new ArrayList<>(ledger.records);
        String source = EventCodec.decode(records.remove(3)).source(); // an event dropped from its source's chain
        int firstSeal = 3;
        while (!isSeal(records.get(firstSeal)) || !EventCodec.decode(records.get(firstSeal)).source().equals(source)) {
            firstSeal++;
        }
        CompetitionProjection projection = new CompetitionProjection(0, ledger::trustedKeys);

        List<Outcome> outcomes = fold(projection, records.subList(0, firstSeal + 1));

        assertThat(outcomes.get(firstSeal)).isEqualTo(Outcome.QUARANTINED);
        assertThat(projection.lastProblem()).startsWith("seal-chain:");
        assertThat(projection.treeSize()).isEqualTo(firstSeal); // every record before the seal, not the seal
    }

    @Test
    void aSealPublishedTwiceIsOneLeaf() {
        CompetitionProjection projection = new CompetitionProjection(0, ledger::trustedKeys);
        fold(projection, ledger.records);
        byte[] lastSeal = ledger.records.stream().filter(CompetitionProjectionTest::isSeal).reduce((a, b) -> b).orElseThrow();

        assertThat(projection.accept(ledger.records.size(), lastSeal)).isEqualTo(Outcome.DUPLICATE);
        assertThat(projection.treeSize()).isEqualTo(ledger.records.size());
    }
}
