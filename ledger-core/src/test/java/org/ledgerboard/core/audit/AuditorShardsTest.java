package org.ledgerboard.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ledgerboard.core.audit.FoundingCompetition.Ledger;
import org.ledgerboard.core.integrity.TrustedKeys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Competitions are checked in parallel, and the report does not depend on how many shards check them. */
class AuditorShardsTest {
    private static final int COMPETITIONS = 7;

    private final List<Ledger> ledgers = new ArrayList<>();
    private final List<byte[]> interleaved = new ArrayList<>();

    AuditorShardsTest() {
        for (int c = 0; c < COMPETITIONS; c++) {
            ledgers.add(new Ledger("c-" + c, FoundingCompetition.steps("c-" + c)));
        }
        // the competitions' records interleaved, as partitions of one topic read together would give them
        int longest = ledgers.stream().mapToInt(l -> l.records.size()).max().orElseThrow();
        for (int i = 0; i < longest; i++) {
            for (Ledger ledger : ledgers) {
                if (i < ledger.records.size()) {
                    interleaved.add(ledger.records.get(i));
                }
            }
        }
    }

    private TrustedKeys keys() {
        return ledgers.stream().map(Ledger::trustedKeys).reduce(new TrustedKeys(List.of()), TrustedKeys::plus);
    }

    private AuditReport audit(List<byte[]> records, int shards) {
        Auditor auditor = new Auditor(keys(), shards);
        for (int i = 0; i < records.size(); i++) {
            auditor.accept(i, records.get(i));
        }
        return auditor.report();
    }

    @Test
    void aCleanLedgerOfSeveralCompetitionsPassesOnEveryNumberOfShards() {
        for (int shards : List.of(1, 2, 3, 8)) {
            AuditReport report = audit(interleaved, shards);

            assertThat(report.passed()).as(shards + " shards: " + report.verdicts()).isTrue();
            assertThat(report.records()).isEqualTo(interleaved.size());
            assertThat(report.views()).hasSize(COMPETITIONS);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"competitionid\":\"c-1\",\"data\":{}}|c-1",
            "{\"competitionid\": \"c-1\",\"x\":{\"competitionid\":\"c-2\"}}|c-1",
            "{\"data\":{\"competitionid\":\"c-2\"},\"competitionid\":\"c-1\"}|c-1",
            "{\"competitionid\":\"c\\u002d1\"}|c-1",
            "{\"actor\":\"a\\\"b\",\"competitionid\":\"c-1\"}|c-1",
            "{\"id\":\"e1\"}|''"})
    void aRecordIsRoutedByTheCompetitionItsFullParseReads(String record, String competition) {
        assertThat(Auditor.competitionIdOf(record.getBytes(StandardCharsets.UTF_8))).isEqualTo(competition);
    }

    @Test
    void aWrittenRecordIsRoutedByItsCompetition() {
        assertThat(Auditor.competitionIdOf(ledgers.get(3).records.get(5))).isEqualTo("c-3");
    }

    @Test
    void findingsInSeveralCompetitionsAreTheSameOnOneShardAsOnMany() {
        List<byte[]> tampered = new ArrayList<>(interleaved);
        tampered.remove(40); // an event of one competition dropped: its seal disagrees
        tampered.set(100, tampered.get(90)); // another replayed out of place
        tampered.add(3, "{\"competitionid\":\"c-1\",\"not\":\"a record\"}".getBytes());

        AuditReport one = audit(tampered, 1);

        assertThat(one.passed()).isFalse();
        for (int shards : List.of(2, 3, 8)) {
            assertThat(audit(tampered, shards)).as(shards + " shards").isEqualTo(one);
        }
    }
}
