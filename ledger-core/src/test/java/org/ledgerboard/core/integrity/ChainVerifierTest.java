package org.ledgerboard.core.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.event.EventCodec;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamWithdrew;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {
    private static final String C = "sovereign-ai-2025";
    private static final String TEAM = "/team-service";
    private static final String EVAL = "/evaluation-service";

    private LedgerBuilder ledger;

    /** Positions 0-2 team events, 3 an evaluation-service event, 4 team seal, 5 team event, 6 team seal, 7 eval seal. */
    @BeforeEach
    void aSealedLedgerOfTwoSources() {
        ledger = new LedgerBuilder().source(TEAM).source(EVAL)
                .event(TEAM, team("naver-cloud", "네이버클라우드"))
                .event(TEAM, team("upstage", "업스테이지"))
                .event(TEAM, team("sk-telecom", "SK텔레콤"))
                .event(EVAL, new TeamWithdrew(C, "nc-ai", "illustrative"))
                .seal(TEAM, C)
                .event(TEAM, team("lg-ai-research", "LG AI연구원"))
                .seal(TEAM, C)
                .seal(EVAL, C);
    }

    private static TeamSelected team(String id, String name) {
        return new TeamSelected(C, id, name, name, List.of(name), List.of("member-" + id));
    }

    private ChainReport verify(List<byte[]> records) {
        ChainVerifier verifier = new ChainVerifier(ledger.trustedKeys());
        for (int i = 0; i < records.size(); i++) {
            verifier.accept(i, records.get(i));
        }
        return verifier.report();
    }

    private static byte[] withTeamName(byte[] record, String name, boolean rehash) {
        ObjectNode tree = (ObjectNode) EventCodec.parse(record);
        ((ObjectNode) tree.get("data")).put("name", name);
        if (rehash) {
            tree.put("hash", EventCodec.hashOf(tree));
        }
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void chainHeadIsTheHashOfThePreviousHeadAndTheEventHash() {
        SourceChain chain = new SourceChain();
        String h1 = "11".repeat(32);
        String h2 = "22".repeat(32);
        chain.append("a", h1);
        chain.append("b", h2);

        byte[] expected = Hashes.sha256(Hashes.sha256(new byte[32], Hashes.fromHex(h1)), Hashes.fromHex(h2));

        assertThat(chain.head()).isEqualTo(Hashes.hex(expected));
        assertThat(chain.count()).isEqualTo(2);
    }

    @Test
    void aCleanSealedLedgerPasses() {
        ChainReport report = verify(ledger.records());

        assertThat(report.findings()).isEmpty();
        assertThat(report.unsealed()).isEmpty();
        assertThat(report.records()).isEqualTo(8);
    }

    @Test
    void anAlteredPayloadFailsItsHash() {
        List<byte[]> records = ledger.records();
        records.set(1, withTeamName(records.get(1), "Intruder", false));

        assertThat(verify(records).findings())
                .first()
                .satisfies(f -> assertThat(f.check()).isEqualTo("hash"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(1));
    }

    @Test
    void anAlteredPayloadWithARecomputedHashBreaksTheNextSeal() {
        List<byte[]> records = ledger.records();
        records.set(1, withTeamName(records.get(1), "Intruder", true));

        assertThat(verify(records).findings())
                .extracting(Finding::check, Finding::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("seal-chain", 4L),
                        org.assertj.core.groups.Tuple.tuple("seal-chain", 6L));
    }

    @Test
    void aSealPublishedTwiceCountsOnceAndItsCopyIsADuplicate() {
        List<byte[]> records = ledger.records();
        records.add(5, records.get(4));

        ChainReport report = verify(records);

        assertThat(report.findings()).isEmpty();
        assertThat(report.duplicates()).isEqualTo(1);
    }

    @Test
    void aCopyOfASealThatFailedIsCheckedAgainNotTakenAsADuplicate() {
        List<byte[]> records = ledger.records();
        LedgerRecord seal = EventCodec.decode(records.get(4));
        LedgerSealed signed = (LedgerSealed) seal.data();
        LedgerSealed forged = new SealStatement(signed.competitionId(), signed.source(), signed.count(), signed.head())
                .sign(SigningKey.generate());
        byte[] forgedRecord = EventCodec.encode(EventCodec.stamp(new LedgerRecord(seal.id(), seal.source(),
                seal.subject(), seal.time(), seal.aggregateId(), seal.sequence(), forged, null)));
        records.set(4, forgedRecord);
        records.add(5, forgedRecord);

        assertThat(verify(records).findings()).extracting(Finding::check, Finding::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("seal-key", 4L),
                        org.assertj.core.groups.Tuple.tuple("seal-key", 5L));
    }

    @Test
    void aDroppedEventBreaksTheNextSeal() {
        List<byte[]> records = ledger.records();
        records.remove(2);

        assertThat(verify(records).findings()).first()
                .satisfies(f -> assertThat(f.check()).isEqualTo("seal-chain"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(3))
                .satisfies(f -> assertThat(f.message()).contains("sealed 3 events").contains("holds 2"));
    }

    @Test
    void anEventInjectedUnderAServiceNameBreaksTheNextSeal() {
        List<byte[]> records = ledger.records();
        LedgerRecord forged = LedgerBuilder.record(TEAM, team("intruder", "Intruder"));
        records.add(5, EventCodec.encode(forged));

        ChainReport report = verify(records);

        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.check()).isEqualTo("seal-chain"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(7));
    }

    @Test
    void twoEventsOfOneSourceSwappedBreakTheNextSeal() {
        List<byte[]> records = ledger.records();
        Collections.swap(records, 0, 1);

        assertThat(verify(records).findings()).first()
                .satisfies(f -> assertThat(f.check()).isEqualTo("seal-chain"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(4));
    }

    @Test
    void eventsOfDifferentSourcesMayInterleaveDifferently() {
        List<byte[]> records = ledger.records();
        Collections.swap(records, 2, 3);

        assertThat(verify(records).findings()).isEmpty();
    }

    @Test
    void aByteIdenticalDuplicateIsSkipped() {
        List<byte[]> records = ledger.records();
        records.add(3, records.get(1).clone());

        ChainReport report = verify(records);

        assertThat(report.findings()).isEmpty();
        assertThat(report.duplicates()).isEqualTo(1);
    }

    @Test
    void theSameIdWithOtherContentIsAFork() {
        List<byte[]> records = ledger.records();
        records.add(3, withTeamName(records.get(1), "Forked", true));

        assertThat(verify(records).findings()).first()
                .satisfies(f -> assertThat(f.check()).isEqualTo("fork"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(3));
    }

    @Test
    void aSealSignedByAnUntrustedKeyIsRejected() {
        List<byte[]> records = ledger.records();
        Sealer impostor = new Sealer(TEAM, SigningKey.generate());
        records.add(EventCodec.encode(LedgerBuilder.record(TEAM, impostor.seal(C))));

        assertThat(verify(records).findings()).singleElement()
                .satisfies(f -> assertThat(f.check()).isEqualTo("seal-key"));
    }

    @Test
    void aSealWhoseStatementWasAlteredFailsItsSignature() {
        List<byte[]> records = ledger.records();
        ObjectNode seal = (ObjectNode) EventCodec.parse(records.get(4));
        ((ObjectNode) seal.get("data")).put("count", 2);
        seal.put("hash", EventCodec.hashOf(seal));
        records.set(4, seal.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(verify(records).findings()).singleElement()
                .satisfies(f -> assertThat(f.check()).isEqualTo("seal-signature"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(4));
    }

    @Test
    void eventsAfterTheLastSealAreReportedUnsealed() {
        ledger.event(TEAM, team("late", "Late"));

        ChainReport report = verify(ledger.records());

        assertThat(report.findings()).isEmpty();
        assertThat(report.unsealed()).containsEntry(C + " " + TEAM, 1L);
    }

    @Test
    void aRecordThatBreaksTheContractIsReportedAsSchema() {
        List<byte[]> records = ledger.records();
        records.set(0, "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(verify(records).findings()).first()
                .satisfies(f -> assertThat(f.check()).isEqualTo("schema"))
                .satisfies(f -> assertThat(f.position()).isEqualTo(0));
    }
}
