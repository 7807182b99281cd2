package org.ledgerboard.service.ledger;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.ledgerboard.kafka.LedgerTopics;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ledger records a service watching for its own parses. */
class SourceWatchFilterTest {
    private static final byte[] TEAMS = "/team-service".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecordOfAnotherSourceIsSkipped() {
        assertThat(SourceWatch.mayBeOf(from("/evaluation-service"), TEAMS)).isFalse();
    }

    @Test
    void aRecordOfItsOwnSourceIsParsed() {
        assertThat(SourceWatch.mayBeOf(from("/team-service"), TEAMS)).isTrue();
    }

    @Test
    void aRecordWithoutSourceHeaderIsParsed() {
        assertThat(SourceWatch.mayBeOf(new RecordHeaders(), TEAMS)).isTrue();
    }

    private static RecordHeaders from(String source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LedgerTopics.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
