package org.ledgerboard.service.ledger;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.LedgerRecord;
import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which ledger records a service's subscription parses and hands to its reactions, and how soon. */
class ReactionFilterTest {
    private static final LedgerReaction ELIMINATIONS_ONLY = new LedgerReaction() {
        @Override
        public void react(LedgerRecord record, LedgerPosition position) {
        }

        @Override
        public boolean wants(String type) {
            return "org.ledgerboard.TeamEliminated".equals(type);
        }
    };
    private static final LedgerReaction EVERYTHING = (record, position) -> {
    };

    @Test
    void aRecordOfATypeNoReactionWantsIsSkipped() {
        assertThat(LedgerSubscription.wanted(typed("org.ledgerboard.TeamSelected"), List.of(ELIMINATIONS_ONLY)))
                .isFalse();
    }

    @Test
    void aRecordOfATypeOneReactionWantsIsHandled() {
        assertThat(LedgerSubscription.wanted(typed("org.ledgerboard.TeamEliminated"), List.of(ELIMINATIONS_ONLY)))
                .isTrue();
        assertThat(LedgerSubscription.wanted(typed("org.ledgerboard.TeamSelected"), List.of(ELIMINATIONS_ONLY,
                EVERYTHING))).isTrue();
    }

    @Test
    void aRecordWithoutTypeHeaderIsAlwaysHandled() {
        assertThat(LedgerSubscription.wanted(new RecordHeaders(), List.of(ELIMINATIONS_ONLY))).isTrue();
    }

    @Test
    void aSubscriptionWithALiveReactionReadsEachRecordAsSoonAsItIsOnTheTopic() {
        LedgerReaction live = new LedgerReaction() {
            @Override
            public void react(LedgerRecord record, LedgerPosition position) {
            }

            @Override
            public boolean live() {
                return true;
            }
        };

        assertThat(LedgerSubscription.paceOf(List.of(EVERYTHING, live))).isEqualTo(LedgerReader.Pace.LIVE);
    }

    @Test
    void aSubscriptionWhoseReactionsNobodyWaitsForReadsInBatches() {
        assertThat(LedgerSubscription.paceOf(List.of(EVERYTHING, ELIMINATIONS_ONLY))).isEqualTo(LedgerReader.Pace.BATCHED);
    }

    private static RecordHeaders typed(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LedgerTopics.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
