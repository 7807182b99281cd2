package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree writer gives, byte for byte, what the RFC author's canonicaliser gives for the same JSON text. */
class CanonicalWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\u0000", "\u0008", "\t", "\n",
            "\u000c", "\r", "\u001f", "\u007f", "\u0080", "é", "€", "업스테이지", "\uD83D\uDE00", "\u2028", "\uFB33"};

    @Test
    void tenThousandRandomTreesCanonicaliseAsTheLibraryDoes() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 10_000; i++) {
            JsonNode tree = NODES.arrayNode().add(tree(random, 0)); // the library takes an object or array
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

    private static JsonNode tree(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2000) - 1000);
            case 2 -> number(random);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(text(random), tree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** Doubles of every magnitude (finite), integers at the edge of what a double holds, and decimals. */
    private static JsonNode number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield NODES.numberNode(d);
            }
            case 1 -> NODES.numberNode((1L << 53) + random.nextInt(5) - 2);
            case 2 -> NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(8)));
            default -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
