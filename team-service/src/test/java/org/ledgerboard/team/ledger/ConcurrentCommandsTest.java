package org.ledgerboard.team.ledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.core.event.LedgerSealed;
import org.ledgerboard.testkit.LedgerInfraResource;
import org.ledgerboard.testkit.LedgerTopic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ledgerboard.team.TeamApi.launch;
import static org.ledgerboard.team.TeamApi.post;
import static org.ledgerboard.team.TeamApi.uniqueId;

/**
 * 8 threads × 500 commands over REST, two threads per competition: every event reaches the ledger, none missing,
 * each exactly once, in aggregate sequence order.
 */
@QuarkusTest
@QuarkusTestResource(LedgerInfraResource.class)
class ConcurrentCommandsTest {
    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 500;
    private static final int COMPETITIONS = 4;

    private final LedgerTopic ledger = LedgerTopic.shared();

    @Test
    void everyEventIsPublishedOnceAndInOrder() throws Exception {
        String run = uniqueId("load");
        List<String> competitions = new ArrayList<>();
        for (int i = 0; i < COMPETITIONS; i++) {
            competitions.add(run + "-" + i);
            launch(run + "-" + i);
        }

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String c = competitions.get(t % COMPETITIONS);
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                    post("/competitions/" + c + "/teams", Map.of("teamId", "t" + thread + "-" + i, "name", "team",
                            "leadOrganisation", "lead", "consortium", List.of())).statusCode(201);
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%d commands answered in %d ms%n", THREADS * COMMANDS_PER_THREAD,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        int perCompetition = 1 + COMMANDS_PER_THREAD * THREADS / COMPETITIONS;
        for (String c : competitions) {
            List<LedgerTopic.Entry> entries = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ledger.competition(c), es -> events(es).stream()
                            .map(LedgerRecord::id).distinct().count() == perCompetition);
            Set<String> published = new HashSet<>();
            long expectedSequence = 0;
            for (LedgerTopic.Entry entry : entries) {
                LedgerRecord record = entry.decoded();
                if (record.data() instanceof LedgerSealed) {
                    continue;
                }
                assertThat(published.add(record.id())).as("%s published once", record.id()).isTrue();
                assertThat(record.sequence()).as("sequence in %s", c).isEqualTo(expectedSequence++);
            }
            assertThat(expectedSequence).isEqualTo(perCompetition);
            System.out.printf("%s: after %d ms, %d events published%n", c,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), expectedSequence);
        }
    }

    private static List<LedgerRecord> events(List<LedgerTopic.Entry> entries) {
        return entries.stream().map(LedgerTopic.Entry::decoded).filter(r -> !(r.data() instanceof LedgerSealed)).toList();
    }
}
