package org.ledgerboard.deploy;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HotPathsTest {
    private static volatile long sink; // keeps the busy loop's work from being optimised away

    @Test
    void aMethodThatTakesTheCpuIsOnTopOfMostSamplesAndInTheStackOfItsCaller(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            busyFor(Duration.ofMillis(1_500));
            recording.stop();
            recording.dump(file);
        }

        HotPaths.Summary summary = HotPaths.of(file);

        String spin = HotPathsTest.class.getName() + ".spin";
        assertThat(summary.samples()).isPositive();
        assertThat(HotPaths.Summary.top(summary.self(), 1)).first()
                .satisfies(top -> assertThat(top.getKey()).isEqualTo(spin));
        assertThat(summary.inclusive()).containsKey(HotPathsTest.class.getName() + ".busyFor");
        assertThat(summary.inclusive().get(HotPathsTest.class.getName() + ".busyFor"))
                .isGreaterThanOrEqualTo(summary.self().get(spin));
        assertThat(summary.byLibrary()).containsKey("org.ledgerboard");
    }

    @Test
    void librariesAreNamedByTheirPackagesFirstNamesAndTheJdkAsOne() {
        assertThat(HotPaths.library("org.h2.mvstore.Page")).isEqualTo("org.h2");
        assertThat(HotPaths.library("org.apache.kafka.clients.producer.KafkaProducer")).isEqualTo("org.apache.kafka");
        assertThat(HotPaths.library("java.util.HashMap")).isEqualTo("JDK");
        assertThat(HotPaths.library("sun.security.provider.SHA2")).isEqualTo("JDK");
        assertThat(HotPaths.library("Top")).isEqualTo("Top");
    }

    private static void busyFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            spin();
        }
    }

    private static void spin() {
        long x = sink;
        for (int i = 0; i < 100_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }
}
