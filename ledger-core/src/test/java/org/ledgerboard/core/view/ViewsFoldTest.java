package org.ledgerboard.core.view;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.LedgerEvent;
import org.ledgerboard.core.event.SampleEvents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void foldingAnyPrefixTwiceGivesTheSameDigest() {
        List<LedgerEvent> events = events();
        for (int n = 0; n <= events.size(); n++) {
            List<LedgerEvent> prefix = events.subList(0, n);
            assertThat(ViewsFold.digest(fold(prefix).views())).as("prefix %d", n)
                    .isEqualTo(ViewsFold.digest(fold(prefix).views()));
        }
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
        assertThat(gpu.balance()).isEqualByComparingTo(BigDecimal.ZERO);
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
