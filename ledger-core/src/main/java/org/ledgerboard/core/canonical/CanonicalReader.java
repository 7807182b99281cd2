package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * Reads a JSON object whose bytes are already in RFC 8785 form into a tree, in one pass, and hashes those bytes
 * less one top-level member: the same tree and hash as parsing, writing {@link Canonical#bytesWithout} and hashing,
 * without writing anything. Ledger records are written canonical, so this is how every record is read; a record
 * that is not (whitespace, keys out of order, an escape, a fraction or exponent, invalid UTF-8, deep nesting) gets
 * {@code null}, and the caller takes the general path, which judges it. Written here because JSON libraries write
 * the canonical form but none checks it; equivalence with the general path is proven in CanonicalReaderTest.
 */
public final class CanonicalReader {
    /** A record's tree and the hash of its canonical bytes without the omitted member. */
    public record Read(ObjectNode tree, byte[] hash) {
    }

    private static final JsonNodeFactory NODES = LedgerJson.mapper().getNodeFactory();
    private static final long EXACT_INTEGERS = 1L << 53; // as CanonicalWriter prints integers
    private static final int MAX_DEPTH = 32;
    private static final int SHORT = 32;
    private static final String[] SHORT_STRINGS = new String[4096];

    private final byte[] in;
    private int at;

    private CanonicalReader(byte[] in) {
        this.in = in;
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
            if (tree == null || reader.at != json.length) {
                return null;
            }
            MessageDigest digest = Hashes.newDigest();
            if (span[0] < 0) {
                digest.update(json);
            } else {
                digest.update(json, 0, span[0]);
                digest.update(json, span[1], json.length - span[1]);
            }
            return new Read(tree, digest.digest());
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        }
    }

    private JsonNode value(int depth) {
        return switch (in[at]) {
            case '{' -> object(depth, null, null);
            case '[' -> array(depth);
            case '"' -> {
                String text = string();
                yield text == null ? null : NODES.textNode(text);
            }
            case 't' -> literal("true") ? NODES.booleanNode(true) : null;
            case 'f' -> literal("false") ? NODES.booleanNode(false) : null;
            case 'n' -> literal("null") ? NODES.nullNode() : null;
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
        at++; // {
        String previous = null;
        while (in[at] != '}') {
            int memberStart = at;
            if (previous != null) {
                if (in[at] != ',') {
                    return null;
                }
                at++;
            }
            if (in[at] != '"') {
                return null;
            }
            String name = string();
            if (name == null || (previous != null && previous.compareTo(name) >= 0) || in[at] != ':') {
                return null;
            }
            at++;
            JsonNode value = value(depth + 1);
            if (value == null) {
                return null;
            }
            if (name.equals(omitted)) {
                // first member: leave out its trailing comma instead of a leading one
                boolean first = previous == null;
                span[0] = memberStart;
                span[1] = first && in[at] == ',' ? at + 1 : at;
            }
            object.set(name, value);
            previous = name;
        }
        at++; // }
        return object;
    }

    private ArrayNode array(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        ArrayNode array = NODES.arrayNode();
        at++; // [
        while (in[at] != ']') {
            if (!array.isEmpty()) {
                if (in[at] != ',') {
                    return null;
                }
                at++;
            }
            JsonNode value = value(depth + 1);
            if (value == null) {
                return null;
            }
            array.add(value);
        }
        at++; // ]
        return array;
    }

    /**
     * A string with nothing escaped: canonical form escapes only quotes, backslashes and control characters,
     * which such a string has none of; one with an escape goes the general way.
     */
    private String string() {
        int start = ++at; // "
        boolean ascii = true;
        for (byte b = in[at]; b != '"'; b = in[++at]) {
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return null;
            }
            ascii &= b >= 0;
        }
        int end = at++;
        if (ascii) {
            return end - start <= SHORT ? shortAscii(start, end) : new String(in, start, end - start,
                    StandardCharsets.ISO_8859_1);
        }
        String text = new String(in, start, end - start, StandardCharsets.UTF_8);
        // invalid UTF-8 decodes to replacement characters, which encode to other bytes
        byte[] again = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(again, 0, again.length, in, start, end) ? text : null;
    }

    /**
     * One copy of each short string the records repeat (names, and ids of competitions, rounds, teams, criteria in
     * every record): a replay keeps its events, and a copy per record was a third of what it held. A direct-mapped
     * cache; threads may race on a slot, which at worst makes a copy, as strings are immutable.
     */
    private String shortAscii(int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + in[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SHORT_STRINGS.length - 1);
        String cached = SHORT_STRINGS[slot];
        if (cached != null && cached.length() == end - start) {
            int i = 0;
            while (i < end - start && cached.charAt(i) == in[start + i]) {
                i++;
            }
            if (i == end - start) {
                return cached;
            }
        }
        String text = new String(in, start, end - start, StandardCharsets.ISO_8859_1);
        SHORT_STRINGS[slot] = text;
        return text;
    }

    /** An integer as canonical form prints it: no leading zero, no minus zero, within what a double holds exactly. */
    private JsonNode integer() {
        int start = at;
        if (in[at] == '-') {
            at++;
        }
        int digitsStart = at;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            at++;
        }
        int digits = at - digitsStart;
        if (digits == 0 || digits > 16 || (digits > 1 && in[digitsStart] == '0')
                || (at < in.length && (in[at] == '.' || in[at] == 'e' || in[at] == 'E'))) {
            return null;
        }
        long value = 0;
        for (int i = digitsStart; i < at; i++) {
            value = value * 10 + (in[i] - '0');
        }
        if (value > EXACT_INTEGERS || (value == 0 && in[start] == '-')) {
            return null;
        }
        value = in[start] == '-' ? -value : value;
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private boolean literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }
}
