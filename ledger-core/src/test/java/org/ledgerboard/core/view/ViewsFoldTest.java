package org.ledgerboard.core.view;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionConcluded;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.Criterion;
import org.ledgerboard.core.event.EvaluationRecorded;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.RoundClosed;
import org.ledgerboard.core.event.RoundOpened;
import org.ledgerboard.core.event.RoundScored;
import org.ledgerboard.core.event.SampleEvents;
import org.ledgerboard.core.event.Standing;
import org.ledgerboard.core.event.StandingsPublished;
import org.ledgerboard.core.event.SubmissionMade;
import org.ledgerboard.core.event.TeamEliminated;
import org.ledgerboard.core.event.TeamSelected;
import org.ledgerboard.core.event.TeamWithdrew;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The views fold: deterministic, resumable from a snapshot, and sensitive to every fact it folds. */
class ViewsFoldTest {

    /** A shuffled-free but varied event sequence: the sample catalogue repeated over several competitions. */
    private static List<LedgerEvent> events() {
        List<LedgerEvent> events = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            events.addAll(SampleEvents.all());
        }
        return events;
    }

    private static ViewsFold fold(List<LedgerEvent> events) {
        ViewsFold fold = new ViewsFold();
        events.forEach(fold::apply);
        return fold;
    }

    /** Property, over 300 generated ledgers: a prefix folded, snapshotted, restored and continued equals the whole. */
    @Test
    void foldingOnFromASnapshotOfAPrefixOfAGeneratedLedgerGivesTheDigestOfTheWhole() {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<LedgerEvent> events = generatedLedger(random);
            int n = random.nextInt(events.size() + 1);

            ViewsFold continued = ViewsFold.restore(fold(events.subList(0, n)).snapshot());
            events.subList(n, events.size()).forEach(continued::apply);

            assertThat(ViewsFold.digest(continued.views())).as("seed %d, split after %d of %d", seed, n,
                    events.size()).isEqualTo(ViewsFold.digest(fold(events).views()));
        }
    }

    /** Events of every kind over three competitions, with ids drawn from small pools so that facts meet. */
    private static List<LedgerEvent> generatedLedger(Random random) {
        List<LedgerEvent> events = new ArrayList<>();
        int size = 1 + random.nextInt(120);
        for (int i = 0; i < size; i++) {
            String c = "c" + random.nextInt(3);
            String team = "t" + random.nextInt(5);
            String grant = "g" + random.nextInt(4);
            String round = "r" + random.nextInt(2);
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(3));
            Instant at = Instant.parse("2025-12-30T00:00:00Z").plusSeconds(random.nextInt(100_000));
            events.add(switch (random.nextInt(13)) {
                case 0 -> new CompetitionLaunched(c, "n", "o", Map.of("KRW", amount, "GPU_HOURS", amount.add(BigDecimal.TEN)),
                        1 + random.nextInt(2));
                case 1 -> new TeamSelected(c, team, team, "lab " + team, List.of("lab " + team), List.of("member-" + team));
                case 2 -> new TeamWithdrew(c, team, "reason");
                case 3 -> new FundingGranted(c, grant, team, random.nextBoolean() ? "KRW" : "GPU_HOURS", amount, 1);
                case 4 -> new FundingDisbursed(c, grant, "d" + i, amount);
                case 5 -> new FundingRevoked(c, grant, amount, "e" + i);
                case 6 -> new RoundOpened(c, round, 1 + random.nextInt(3), at, List.of(
                        new Criterion("x", BigDecimal.ONE, new BigDecimal("100"))), 2, 1, List.of("teamId"));
                case 7 -> new SubmissionMade(c, "s" + team + round, round, team, "ab".repeat(32), "https://example.org", at);
                case 8 -> new EvaluationRecorded(c, round, "s" + team + round, "ev", "x", amount);
                case 9 -> new RoundScored(c, round, team, Map.of("x", amount), amount);
                case 10 -> new RoundClosed(c, round, List.of(team));
                case 11 -> new StandingsPublished(c, round, List.of(new Standing(team, amount, 1, true)));
                default -> random.nextBoolean() ? new TeamEliminated(c, round, team, 2, amount, "eliminate lowest 1")
                        : new CompetitionConcluded(c, List.of(team));
            });
        }
        return events;
    }

    @Test
    void foldingOnFromASnapshotOfAnyPrefixGivesTheSameDigest() {
        List<LedgerEvent> events = events();
        String whole = ViewsFold.digest(fold(events).views());
        for (int n = 0; n <= events.size(); n++) {
            ViewsFold restored = ViewsFold.restore(fold(events.subList(0, n)).snapshot());
            events.subList(n, events.size()).forEach(restored::apply);
            assertThat(ViewsFold.digest(restored.views())).as("snapshot after %d events", n).isEqualTo(whole);
        }
    }

    @Test
    void fundingIsGrantedMinusDisbursedMinusRevoked() {
        CompetitionViews views = fold(SampleEvents.all()).views(SampleEvents.COMPETITION);

        CompetitionViews.Amounts gpu = views.funding().totals().get("GPU_HOURS");

        assertThat(gpu.granted()).isEqualByComparingTo("1024");
        assertThat(gpu.disbursed()).isEqualByComparingTo("512");
        assertThat(gpu.revoked()).isEqualByComparingTo("512");
        assertThat(gpu.remaining()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(views.funding().teams().get("upstage")).containsKey("GPU_HOURS");
    }

    @Test
    void theDigestChangesWhenAnyFoldedFactChanges() {
        List<LedgerEvent> events = new ArrayList<>(SampleEvents.all());
        String digest = ViewsFold.digest(fold(events).views());
        Random random = new Random(7);
        events.remove(random.nextInt(events.size() - 1));

        assertThat(ViewsFold.digest(fold(events).views())).isNotEqualTo(digest);
    }
}
