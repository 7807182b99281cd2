package org.ledgerboard.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ledgerboard.core.audit.FoundingCompetition;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrittenRecordsTest {

    /** Every event type (the samples), and a whole round as written, with actors, keys and DSSE envelopes. */
    static Stream<LedgerRecord> writtenRecords() {
        Stream<LedgerRecord> samples = SampleEvents.all().stream().map(event -> SampleEvents.record(event, 3));
        List<FoundingCompetition.Step> steps = FoundingCompetition.steps();
        Stream<LedgerRecord> round = steps.stream().map(step -> new LedgerRecord("evt-" + steps.indexOf(step),
                step.source(), null, Instant.parse("2025-12-30T09:00:00.123456Z"), step.aggregate(),
                steps.indexOf(step), step.actor(), step.event(), null));
        return Stream.concat(samples, round).map(EventCodec::stamp);
    }

    @Test
    void theEnvelopeReadIsTheContracts() {
        assertThat(Arrays.stream(WrittenRecords.ENVELOPE).map(m -> new String(m.name(), StandardCharsets.US_ASCII)))
                .containsExactlyElementsOf(EventCodec.KNOWN.stream().sorted().toList());
        assertThat(Arrays.stream(WrittenRecords.ENVELOPE).filter(m -> !m.optional())
                .map(m -> new String(m.name(), StandardCharsets.US_ASCII)))
                .containsExactlyInAnyOrderElementsOf(EventCodec.REQUIRED);
    }

    @ParameterizedTest
    @MethodSource("writtenRecords")
    void aWrittenRecordIsReadAsTheGeneralWayReadsIt(LedgerRecord record) {
        byte[] json = EventCodec.encode(record);
        JsonNode tree = EventCodec.parse(json);

        EventCodec.Checked read = WrittenRecords.read(json, true);

        assertThat(read).isNotNull();
        assertThat(read.record()).isEqualTo(EventCodec.decode(tree)).isEqualTo(record);
        assertThat(read.contentHash()).isEqualTo(EventCodec.hashOf(tree)).isEqualTo(record.hash());
    }

    /**
     * Thousands of written records with a byte changed, dropped or doubled: whatever the fast way still accepts, the
     * general way reads as the same record with the same content hash (it never accepts more, nor reads otherwise).
     */
    @Test
    void whatTheFastWayAcceptsTheGeneralWayReadsAlike() {
        Random random = new Random(8785);
        String alphabet = "{}[]\":,0123456789-.eEtrufalsn \\aAzZ\u00e9";
        int accepted = 0;
        for (LedgerRecord record : writtenRecords().toList()) {
            byte[] json = EventCodec.encode(record);
            for (int i = 0; i < 150; i++) {
                byte[] mutant = mutated(json, random, alphabet);
                EventCodec.Checked fast = WrittenRecords.read(mutant, true);
                // unhashed, as a subscription decodes: the same verdict and record
                assertThat(WrittenRecords.read(mutant, false))
                        .isEqualTo(fast == null ? null : new EventCodec.Checked(fast.record(), null));
                if (fast != null) {
                    accepted++;
                    JsonNode tree = EventCodec.parse(mutant);
                    assertThat(fast.record()).as(new String(mutant, StandardCharsets.UTF_8))
                            .isEqualTo(EventCodec.decode(tree));
                    assertThat(fast.contentHash()).isEqualTo(EventCodec.hashOf(tree));
                }
            }
        }
        assertThat(accepted).isPositive(); // some mutants stay valid (a changed id, name or amount digit)
    }

    private static byte[] mutated(byte[] json, Random random, String alphabet) {
        int at = random.nextInt(json.length);
        byte[] replacement = String.valueOf(alphabet.charAt(random.nextInt(alphabet.length())))
                .getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(3)) {
            case 0 -> concat(Arrays.copyOfRange(json, 0, at), replacement, Arrays.copyOfRange(json, at + 1, json.length));
            case 1 -> concat(Arrays.copyOfRange(json, 0, at), Arrays.copyOfRange(json, at + 1, json.length));
            default -> concat(Arrays.copyOfRange(json, 0, at + 1), Arrays.copyOfRange(json, at, json.length));
        };
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A selected team, as written, with one piece of it replaced. */
    private static byte[] written(String replaced, String by) {
        LedgerRecord selected = EventCodec.stamp(SampleEvents.record(new TeamSelected(SampleEvents.COMPETITION, "t1",
                "Team One", "lab", List.of("lab", "uni"), List.of("m1")), 2));
        String json = new String(EventCodec.encode(selected), StandardCharsets.UTF_8);
        assertThat(json).contains(replaced);
        return json.replace(replaced, by).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a required field null        | \"name\":\"Team One\"      | \"name\":null",
            "a required field missing     | \"name\":\"Team One\",     | ''",
            "an unknown field             | \"members\":               | \"mascot\":\"owl\",\"members\":",
            "names out of order           | \"name\":\"Team One\",\"teamId\":\"t1\" | \"teamId\":\"t1\",\"name\":\"Team One\"",
            "an escaped string            | Team One                 | Team\\u0020One",
            "a null element               | [\"lab\",\"uni\"]          | [\"lab\",null]",
            "a number for a string        | \"leadOrganisation\":\"lab\" | \"leadOrganisation\":7",
            "whitespace                   | \"teamId\":\"t1\"          | \"teamId\": \"t1\"",
            "an unknown attribute         | \"id\":                    | \"extra\":\"x\",\"id\":",
            "a negative sequence          | \"sequence\":2             | \"sequence\":-2",
            "another specversion          | \"specversion\":\"1.0\"    | \"specversion\":\"0.3\"",
            "a time with an offset        | 09:00:00Z                | 09:00:00+00:00",
            "a truncated record           | TeamSelected\"}          | TeamSelected\"",
            "an unknown type              | TeamSelected             | TeamPromoted",
            "a type's name cut short      | TeamSelected             | TeamSelecte",
    })
    void aRecordNotInWrittenFormGoesTheGeneralWay(String what, String replaced, String by) {
        assertThat(WrittenRecords.read(written(replaced, by), true)).isNull();
    }

    /** Hashed as the auditor checks a record, or not, as a subscription decodes it. */
    @ParameterizedTest(name = "hashed: {0}")
    @ValueSource(booleans = {true, false})
    void aHashNotOfLowercaseHexGoesTheGeneralWayWhichRefusesIt(boolean hashed) {
        String hash = EventCodec.check(written("t1", "t1")).record().hash();
        byte[] upper = written(hash, hash.toUpperCase(Locale.ROOT));

        assertThat(WrittenRecords.read(upper, hashed)).isNull();
        assertThatThrownBy(() -> {
            if (hashed) {
                EventCodec.check(upper);
            } else {
                EventCodec.decode(upper);
            }
        }).isInstanceOf(InvalidRecordException.class).hasMessageContaining("hash must be 64 lowercase hex digits");
    }

    @Test
    void aRecordReadWithoutHashingIsTheRecordAsWrittenWithNoContentHash() {
        byte[] json = written("t1", "t1");

        EventCodec.Checked read = WrittenRecords.read(json, false);

        assertThat(read.record()).isEqualTo(EventCodec.check(json).record());
        assertThat(read.contentHash()).isNull();
    }

    @Test
    void aWellFormedHashOfOtherContentIsReadAsWrittenBesideTheContentsHash() {
        String hash = EventCodec.check(written("t1", "t1")).record().hash();
        String other = "0".repeat(64);

        EventCodec.Checked read = WrittenRecords.read(written(hash, other), true);

        assertThat(read.record().hash()).isEqualTo(other);
        assertThat(read.contentHash()).isEqualTo(hash);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a round number beyond int | \"round\":1 | \"round\":4294967297 | round",
            "a decimal as a number     | \"amount\":\"1024.00\" | \"amount\":1024 | amount",
    })
    void aValueJacksonRefusesIsRefusedByTheGeneralWay(String what, String replaced, String by, String field) {
        LedgerRecord granted = EventCodec.stamp(SampleEvents.record(SampleEvents.all().get(4), 1));
        byte[] json = new String(EventCodec.encode(granted), StandardCharsets.UTF_8).replace(replaced, by)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(WrittenRecords.read(json, true)).isNull();
        assertThatThrownBy(() -> EventCodec.check(json)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Team One | Team\\u0020One", "\"teamId\":\"t1\" | \"teamId\": \"t1\""})
    void whatTheGeneralWayAcceptsItStillReads(String replaced, String by) {
        byte[] asWritten = written(replaced, replaced);

        EventCodec.Checked read = EventCodec.check(written(replaced, by));

        assertThat(read.record()).isEqualTo(EventCodec.check(asWritten).record());
        assertThat(read.contentHash()).isEqualTo(read.record().hash());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"kty\":\"OKP\" | \"kty\":\"RSA\""})
    void aValueARecordRefusesIsRefusedWithItsReason(String replaced, String by) {
        LedgerRecord rotated = EventCodec.stamp(SampleEvents.record(SampleEvents.all().get(17), 1));
        byte[] json = new String(EventCodec.encode(rotated), StandardCharsets.UTF_8).replace(replaced, by)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(WrittenRecords.read(json, true)).isNull();
        assertThatThrownBy(() -> EventCodec.check(json)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("Ed25519");
    }
}
