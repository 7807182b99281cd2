package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Random;

/** Random JSON trees for the canonical form's tests: every kind of value, strings of awkward characters. */
final class RandomJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\u0000", "\u0008", "\t", "\n",
            "\u000c", "\r", "\u001f", "\u007f", "\u0080", "é", "€", "업스테이지", "\uD83D\uDE00", "\u2028", "\uFB33"};

    private RandomJson() {
    }

    static JsonNode tree(Random random, int depth) {
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
            default -> object(random, depth);
        };
    }

    static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            object.set(text(random), tree(random, depth + 1));
        }
        return object;
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
