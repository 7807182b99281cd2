package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree writer gives, byte for byte, what the RFC author's canonicaliser gives for the same JSON text. */
class CanonicalWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void tenThousandRandomTreesCanonicaliseAsTheLibraryDoes() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 10_000; i++) {
            JsonNode tree = NODES.arrayNode().add(RandomJson.tree(random, 0)); // the library takes an object or array
            String text = JSON.writeValueAsString(tree);

            assertThat(Canonical.bytes(tree)).as(text).isEqualTo(new JsonCanonicalizer(text).getEncodedUTF8());
        }
    }

    @Test
    void aMemberCanBeLeftOutWithoutCopyingTheTree() {
        ObjectNode record = NODES.objectNode().put("id", "e1").put("hash", "ab").put("sequence", 3);

        assertThat(Canonical.bytesWithout(record, "hash")).isEqualTo(Canonical.bytes("{\"sequence\":3,\"id\":\"e1\"}"));
        assertThat(record.has("hash")).isTrue();
    }
}
