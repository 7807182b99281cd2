package org.ledgerboard.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    static Stream<LedgerEvent> everyEvent() {
        return SampleEvents.all().stream();
    }

    private static LedgerRecord sample() {
        return SampleEvents.record(SampleEvents.all().get(1), 7);
    }

    private static ObjectNode encodedTree() {
        return (ObjectNode) EventCodec.parse(EventCodec.encode(sample()));
    }

    private static byte[] bytes(JsonNode tree) {
        return tree.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mutated(Consumer<ObjectNode> change) {
        ObjectNode tree = encodedTree();
        change.accept(tree);
        return bytes(tree);
    }

    @Test
    void everyCatalogueEventHasAType() {
        assertThat(LedgerEvent.class.getPermittedSubclasses()).hasSize(20);
        assertThat(EventTypes.classOf("org.ledgerboard.TeamEliminated")).contains(TeamEliminated.class);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventSurvivesTheRoundTrip(LedgerEvent event) {
        LedgerRecord stamped = EventCodec.stamp(SampleEvents.record(event, 3));

        LedgerRecord decoded = EventCodec.decode(EventCodec.encode(stamped));

        assertThat(decoded).isEqualTo(stamped);
        assertThat(decoded.type()).isEqualTo("org.ledgerboard." + event.getClass().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void aCanonicalRecordReadsAsTheGeneralPathReadsIt(LedgerEvent event) {
        byte[] json = EventCodec.encode(EventCodec.stamp(SampleEvents.record(event, 3)));
        JsonNode tree = EventCodec.parse(json);

        EventCodec.Checked canonical = EventCodec.check(json); // bytes as written: the canonical reader reads them

        assertThat(canonical.record()).isEqualTo(EventCodec.decode(tree));
        assertThat(canonical.contentHash()).isEqualTo(EventCodec.hashOf(tree));
    }

    @Test
    void aCanonicalRecordWithoutAnOptionalFieldReadsItAsNull() {
        LedgerRecord selected = EventCodec.stamp(SampleEvents.record(new TeamSelected(SampleEvents.COMPETITION, "t1",
                "t1", "lab", List.of("lab"), List.of("m1")), 2));

        EventCodec.Checked checked = EventCodec.check(EventCodec.encode(selected));

        assertThat(checked.record()).isEqualTo(selected);
        assertThat(checked.contentHash()).isEqualTo(selected.hash());
    }

    @Test
    void encodingIsTheCanonicalStructuredCloudEvent() {
        JsonNode tree = encodedTree();

        assertThat(tree.get("specversion").asText()).isEqualTo("1.0");
        assertThat(tree.get("type").asText()).isEqualTo("org.ledgerboard.TeamSelected");
        assertThat(tree.get("competitionid").asText()).isEqualTo(SampleEvents.COMPETITION);
        assertThat(tree.get("aggregateid").asText()).isEqualTo(SampleEvents.COMPETITION);
        assertThat(tree.get("sequence").asLong()).isEqualTo(7);
        assertThat(tree.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(tree.get("data").get("name").asText()).isEqualTo("네이버클라우드");
    }

    @Test
    void hashIsSha256OfTheCanonicalRecordWithoutHash() {
        ObjectNode tree = encodedTree();
        String hash = tree.remove("hash").asText();

        String expected = org.ledgerboard.core.canonical.Hashes.hex(org.ledgerboard.core.canonical.Hashes.sha256(
                org.ledgerboard.core.canonical.Canonical.bytes(tree)));

        assertThat(hash).isEqualTo(expected);
    }

    @Test
    void hashDoesNotDependOnPropertyOrderOrWhitespace() {
        ObjectNode tree = encodedTree();
        String reordered = "{ \"data\" : " + tree.get("data").toPrettyString() + ", "
                + tree.toString().substring(1).replace(",\"data\":" + tree.get("data"), "");

        assertThat(EventCodec.hashOf(EventCodec.parse(reordered.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(tree.get("hash").asText());
    }

    @Test
    void decimalsTravelAsPlainStrings() {
        LedgerRecord granted = SampleEvents.record(SampleEvents.all().get(4), 1);

        JsonNode data = EventCodec.parse(EventCodec.encode(granted)).get("data");

        assertThat(data.get("amount").isTextual()).isTrue();
        assertThat(data.get("amount").asText()).isEqualTo("1024.00");
    }

    @Test
    void theCloudEventsSdkReadsOurRecords() {
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

        CloudEvent event = format.deserialize(EventCodec.encode(sample()));

        assertThat(event.getType()).isEqualTo("org.ledgerboard.TeamSelected");
        assertThat(event.getSource().toString()).isEqualTo("/team-service");
        assertThat(event.getExtension("competitionid")).isEqualTo(SampleEvents.COMPETITION);
        assertThat(event.getExtension("hash")).isEqualTo(EventCodec.stamp(sample()).hash());
    }

    @Test
    void encodingRefusesARecordWhoseHashIsNotItsOwn() {
        assertThatThrownBy(() -> EventCodec.encode(sample().withHash("0".repeat(64))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hashes to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type", "time", "datacontenttype",
            "competitionid", "aggregateid", "sequence", "hash", "data"})
    void aMissingRequiredAttributeIsRejectedByName(String attribute) {
        byte[] json = mutated(tree -> tree.remove(attribute));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("missing required attribute '" + attribute + "'");
    }

    @Test
    void anUnknownTypeIsRejected() {
        byte[] json = mutated(tree -> tree.put("type", "org.ledgerboard.PrizeAwarded"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("unknown type 'org.ledgerboard.PrizeAwarded'");
    }

    @Test
    void aWrongSpecVersionIsRejected() {
        byte[] json = mutated(tree -> tree.put("specversion", "0.3"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("unsupported specversion '0.3'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"specversion\":\"1.0\",", "not json", "[1,2]", "{} {}", ""})
    void malformedJsonIsRejected(String json) {
        assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("malformed JSON");
    }

    @Test
    void aMissingDataFieldIsRejectedByName() {
        byte[] json = mutated(tree -> ((ObjectNode) tree.get("data")).remove("teamId"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("teamId");
    }

    @Test
    void anExplicitNullInARequiredDataFieldIsRejected() {
        byte[] json = mutated(tree -> ((ObjectNode) tree.get("data")).putNull("name"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("missing required field 'data.name'");
    }

    @Test
    void aMissingPrimitiveIsNotDefaultedToZero() {
        LedgerRecord granted = SampleEvents.record(SampleEvents.all().get(4), 1);
        ObjectNode tree = (ObjectNode) EventCodec.parse(EventCodec.encode(granted));
        ((ObjectNode) tree.get("data")).remove("round");

        assertThatThrownBy(() -> EventCodec.decode(bytes(tree)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("round");
    }

    @Test
    void anAmountGivenAsAJsonNumberIsRejected() {
        LedgerRecord granted = SampleEvents.record(SampleEvents.all().get(4), 1);
        ObjectNode tree = (ObjectNode) EventCodec.parse(EventCodec.encode(granted));
        ((ObjectNode) tree.get("data")).put("amount", new BigDecimal("10.5"));

        assertThatThrownBy(() -> EventCodec.decode(bytes(tree)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("amount");
    }

    @Test
    void anAmountInExponentNotationIsRejected() {
        LedgerRecord granted = SampleEvents.record(SampleEvents.all().get(4), 1);
        ObjectNode tree = (ObjectNode) EventCodec.parse(EventCodec.encode(granted));
        ((ObjectNode) tree.get("data")).put("amount", "1E+3");

        assertThatThrownBy(() -> EventCodec.decode(bytes(tree)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("'amount' must be a plain decimal string");
    }

    @Test
    void aNameTwiceInOneObjectIsRejected() {
        String json = new String(EventCodec.encode(sample()), StandardCharsets.UTF_8);
        String twice = json.replaceFirst("\\{", "{\"competitionid\":\"another\",");

        assertThatThrownBy(() -> EventCodec.decode(twice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("Duplicate field 'competitionid'");
    }

    @Test
    void anUnknownAttributeIsRejected() {
        byte[] json = mutated(tree -> tree.put("priority", "high"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("unknown attribute 'priority'");
    }

    @Test
    void anUnknownDataFieldIsRejected() {
        byte[] json = mutated(tree -> ((ObjectNode) tree.get("data")).put("score", "99"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("score");
    }

    @Test
    void aCompetitionIdThatDisagreesWithTheDataIsRejected() {
        byte[] json = mutated(tree -> tree.put("competitionid", "other-competition"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("differs from data.competitionId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"7\""})
    void aSequenceThatIsNotANonNegativeIntegerIsRejected(String sequence) {
        byte[] json = mutated(tree -> tree.set("sequence", EventCodec.parse(sequence.getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void aTimeThatIsNotRfc3339IsRejected() {
        byte[] json = mutated(tree -> tree.put("time", "30 December 2025"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("RFC 3339");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z", "2026-06-30T23:59:59.123456789Z",
            "2024-02-29T12:00:00Z", "0000-01-01T00:00:00Z", "2026-01-01T09:00:00+09:00", "2026-01-01t00:00:00z",
            "2026-01-01T00:00Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-01-01T24:00:00Z",
            "2026-01-01T00:00:60Z", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z",
            "2026-01-01T00:00:0xZ", "+2026-01-01T00:00:00Z"})
    void timesAreReadExactlyAsTheRfc3339FormatterReadsThem(String time) {
        byte[] json = mutated(tree -> tree.put("time", time));
        Instant expected;
        try {
            expected = OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> EventCodec.decode(json)).isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("RFC 3339");
            return;
        }
        assertThat(EventCodec.decode(json).time()).isEqualTo(expected);
    }

    @Test
    void aMalformedHashIsRejected() {
        byte[] json = mutated(tree -> tree.put("hash", "ABC"));

        assertThatThrownBy(() -> EventCodec.decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("64 lowercase hex");
    }

    @Test
    void eventCollectionsCannotBeChangedAfterTheFact() {
        TeamSelected selected = (TeamSelected) SampleEvents.all().get(1);

        assertThatThrownBy(() -> selected.consortium().add("intruder"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(((CompetitionLaunched) SampleEvents.all().get(0)).budget().keySet()))
                .containsExactly("GPU_HOURS", "KRW");
    }

    @Test
    void aRecordWrittenBeforeAnOptionalFieldExistedStillDecodesAndHashesAsItDid() {
        LedgerRecord selected = EventCodec.stamp(SampleEvents.record(new TeamSelected(SampleEvents.COMPETITION, "t1",
                "t1", "lab", List.of("lab"), List.of("m1")), 2));
        ObjectNode tree = (ObjectNode) EventCodec.parse(EventCodec.encode(selected));

        assertThat(tree.get("data").has("publicKey")).as("an unset optional field is not written").isFalse();
        LedgerRecord decoded = EventCodec.decode(tree);
        assertThat(((TeamSelected) decoded.data()).publicKey()).isNull();
        assertThat(EventCodec.hashOf(tree)).isEqualTo(selected.hash());
        assertThat(EventCodec.encode(decoded)).isEqualTo(EventCodec.encode(selected));
    }

    @Test
    void aRequiredFieldStaysRequired() {
        ObjectNode tree = (ObjectNode) EventCodec.parse(EventCodec.encode(EventCodec.stamp(SampleEvents.record(
                new TeamSelected(SampleEvents.COMPETITION, "t1", "t1", "lab", List.of("lab"), List.of("m1")), 2))));
        ((ObjectNode) tree.get("data")).remove("members");

        assertThatThrownBy(() -> EventCodec.decode(tree)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("members");
    }
}
