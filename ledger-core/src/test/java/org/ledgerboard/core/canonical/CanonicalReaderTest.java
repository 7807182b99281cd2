package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading bytes already in canonical form gives what parsing, writing them canonical and hashing gives. */
class CanonicalReaderTest {
    private static final ObjectMapper JSON = LedgerJson.mapper();

    @Test
    void randomObjectsInCanonicalFormReadAsTheGeneralPathReadsAndHashesThem() throws Exception {
        Random random = new Random(8785);
        int read = 0;
        for (int i = 0; i < 10_000; i++) {
            ObjectNode tree = RandomJson.object(random, 0);
            if (random.nextBoolean()) {
                tree.set("hash", RandomJson.tree(random, 2));
            }
            byte[] bytes = Canonical.bytes(tree);
            JsonNode parsed = JSON.readTree(bytes);

            CanonicalReader.Read canonical = CanonicalReader.readObject(bytes, "hash");

            if (canonical != null) { // the others (escapes, fractions) take the general path
                read++;
                assertThat(canonical.tree()).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(parsed);
                assertThat(canonical.hash()).isEqualTo(Hashes.sha256(Canonical.bytesWithout(parsed, "hash")));
            }
        }
        assertThat(read).isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"hash\":\"x\"}", "{\"a\":1,\"hash\":\"x\"}", "{\"hash\":[1,{}],\"z\":1}",
            "{\"a\":true,\"hash\":null,\"z\":[1,\"업\"]}", "{\"a\":{\"hash\":\"x\"}}", "{\"a\":-9007199254740992}", "{}"})
    void theOmittedMemberIsLeftOutWhereverItIs(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        CanonicalReader.Read canonical = CanonicalReader.readObject(bytes, "hash");

        assertThat(canonical).isNotNull();
        assertThat(canonical.tree()).isEqualTo(JSON.readTree(bytes));
        assertThat(canonical.hash()).isEqualTo(Hashes.sha256(Canonical.bytesWithout(JSON.readTree(bytes), "hash")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1, \"b\":2}", " {\"a\":1}", "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":1}",
            "{\"a\":\"\\u0041\"}", "{\"a\":\"\\/\"}", "{\"a\":\"\\n\"}", "{\"a\":1.0}", "{\"a\":1e2}", "{\"a\":-0}",
            "{\"a\":01}", "{\"a\":9007199254740993}", "{\"a\":\"\u0001\"}", "{\"a\":1}x", "{\"a\":1", "{\"a\":tru}",
            "{\"a\":nul", "{\"a\":}", "{\"a\":[1,]}", "{\"a\":[,1]}", "{a:1}", "[1]", ""})
    void whatIsNotCanonicalIsLeftToTheGeneralPath(String json) {
        assertThat(CanonicalReader.readObject(json.getBytes(StandardCharsets.UTF_8), "hash")).isNull();
    }

    @Test
    void invalidUtf8AndDeepNestingAreLeftToTheGeneralPath() {
        assertThat(CanonicalReader.readObject(withString(0xc0, 0xaf), "hash")).as("overlong '/'").isNull();
        assertThat(CanonicalReader.readObject(withString(0xed, 0xa0, 0x80), "hash")).as("a surrogate").isNull();
        assertThat(CanonicalReader.readObject(withString(0xe5, 0x8f), "hash")).as("cut short").isNull();
        assertThat(CanonicalReader.readObject(withString(0xec, 0x97, 0x85), "hash")).as("'업'").isNotNull();
        String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThat(CanonicalReader.readObject(deep.getBytes(StandardCharsets.UTF_8), "hash")).isNull();
    }

    @Test
    void shortStringsRepeatedAcrossRecordsAreKeptOnce() {
        byte[] first = "{\"competitionid\":\"sovereign-ai-2025\",\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"competitionid\":\"sovereign-ai-2025\",\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8);

        JsonNode one = CanonicalReader.readObject(first, "hash").tree().get("competitionid");
        JsonNode other = CanonicalReader.readObject(second, "hash").tree().get("competitionid");

        assertThat(other.textValue()).isSameAs(one.textValue());
    }

    private static byte[] withString(int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
