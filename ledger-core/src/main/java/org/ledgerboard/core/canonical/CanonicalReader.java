package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;

/**
 * Reads a JSON object whose bytes are already in RFC 8785 form into a tree, in one pass, and hashes those bytes
 * less one top-level member: the same tree and hash as parsing, writing {@link Canonical#bytesWithout} and hashing,
 * without writing anything: how a canonical record that the event decoder cannot read straight into its event (a
 * field missing or unknown) is read. A record that is not canonical (whitespace, keys out of order, an escape, a
 * fraction or exponent, invalid UTF-8, deep nesting) gets {@code null}, and the caller takes the general path, which
 * judges it. Equivalence with the general path is proven in CanonicalReaderTest.
 */
public final class CanonicalReader {
    /** A record's tree and the hash of its canonical bytes without the omitted member. */
    public record Read(ObjectNode tree, byte[] hash) {
    }

    private static final JsonNodeFactory NODES = LedgerJson.mapper().getNodeFactory();
    private static final int MAX_DEPTH = 32;

    private final CanonicalCursor in;

    private CanonicalReader(byte[] in) {
        this.in = new CanonicalCursor(in, 0);
    }

    /** The object and the SHA-256 of its bytes without the top-level member {@code omitted}, or null (see above). */
    public static Read readObject(byte[] json, String omitted) {
        CanonicalReader reader = new CanonicalReader(json);
        try {
            if (json.length == 0 || json[0] != '{') {
                return null;
            }
            int[] span = {-1, -1};
            ObjectNode tree = reader.object(0, omitted, span);
            if (tree == null || !reader.in.atEnd()) {
                return null;
            }
            return new Read(tree, Hashes.sha256Without(json, span[0], span[1]));
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        }
    }

    private JsonNode value(int depth) {
        return switch (in.next()) {
            case '{' -> object(depth, null, null);
            case '[' -> array(depth);
            case '"' -> {
                String text = in.string();
                yield text == null ? null : NODES.textNode(text);
            }
            case 't' -> in.literal("true") ? NODES.booleanNode(true) : null;
            case 'f' -> in.literal("false") ? NODES.booleanNode(false) : null;
            case 'n' -> in.literal("null") ? NODES.nullNode() : null;
            default -> integer();
        };
    }

    /**
     * Members in strictly increasing order of their names' UTF-16 code units (so no name twice); the bytes of the
     * top-level member named {@code omitted} with the comma that joins it to the others go to {@code span}.
     */
    private ObjectNode object(int depth, String omitted, int[] span) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        // a record's envelope has up to 14 members: room for them without growing the map
        ObjectNode object = depth == 0 ? new ObjectNode(NODES, new LinkedHashMap<>(32)) : NODES.objectNode();
        in.skip('{');
        String previous = null;
        while (!in.skip('}')) {
            int memberStart = in.position();
            if (previous != null && !in.skip(',')) {
                return null;
            }
            if (in.next() != '"') {
                return null;
            }
            String name = in.string();
            if (name == null || (previous != null && previous.compareTo(name) >= 0) || !in.skip(':')) {
                return null;
            }
            JsonNode value = value(depth + 1);
            if (value == null) {
                return null;
            }
            if (name.equals(omitted)) {
                // first member: leave out its trailing comma instead of a leading one
                boolean first = previous == null;
                span[0] = memberStart;
                span[1] = first && in.next() == ',' ? in.position() + 1 : in.position();
            }
            object.set(name, value);
            previous = name;
        }
        return object;
    }

    private ArrayNode array(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        ArrayNode array = NODES.arrayNode();
        in.skip('[');
        while (!in.skip(']')) {
            if (!array.isEmpty() && !in.skip(',')) {
                return null;
            }
            JsonNode value = value(depth + 1);
            if (value == null) {
                return null;
            }
            array.add(value);
        }
        return array;
    }

    private JsonNode integer() {
        long value = in.integer();
        if (value == CanonicalCursor.NOT_CANONICAL) {
            return null;
        }
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
}
