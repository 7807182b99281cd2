package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import org.erdtman.jcs.NumberToJSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Writes a parsed JSON tree as RFC 8785 bytes in one walk. Written here because the library's canonicaliser
 * (erdtman, still used for numbers) takes JSON text: every hash of a record would otherwise print the tree and parse
 * it again, which was a quarter of the auditor's time. Differences from the library are caught by CanonicalTest
 * (the RFC's vectors) and CanonicalWriterTest (random trees, byte for byte against the library).
 */
final class CanonicalWriter {
    private static final long EXACT_INTEGERS = 1L << 53; // beyond, a JSON number is a double like any other
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[512];
    private int size;

    private CanonicalWriter() {
    }

    /** The canonical bytes of {@code json}, leaving out the top-level member named {@code omitted} (may be null). */
    static byte[] bytes(JsonNode json, String omitted) {
        CanonicalWriter writer = new CanonicalWriter();
        writer.value(json, omitted);
        return Arrays.copyOf(writer.out, writer.size);
    }

    private void value(JsonNode node, String omitted) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, omitted);
            case ARRAY -> {
                write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        write(',');
                    }
                    value(node.get(i), null);
                }
                write(']');
            }
            case STRING -> string(node.textValue());
            case NUMBER -> number(node);
            case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
            case NULL -> ascii("null");
            default -> throw new IllegalArgumentException("not JSON: a " + node.getNodeType() + " node");
        }
    }

    /** Members sorted by their names' UTF-16 code units, which is how {@link String#compareTo} orders them. */
    private void object(JsonNode node, String omitted) {
        String[] names = new String[node.size()];
        int count = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals(omitted)) {
                names[count++] = name;
            }
        }
        Arrays.sort(names, 0, count);
        write('{');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                write(',');
            }
            string(names[i]);
            write(':');
            value(node.get(names[i]), null);
        }
        write('}');
    }

    /** Integers that a double holds exactly are printed as they are; every other number the ECMAScript way. */
    private void number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= EXACT_INTEGERS) {
            ascii(Long.toString(node.longValue()));
            return;
        }
        try {
            ascii(NumberToJSON.serializeNumber(node.doubleValue()));
        } catch (IOException e) { // NaN or an infinity: no JSON number
            throw new UncheckedIOException("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Only {@code "}, {@code \} and control characters are escaped; everything else is UTF-8 as it is. A lone
     * surrogate becomes {@code ?}, as Java's UTF-8 encoder (and so the library) writes it.
     */
    private void string(String text) {
        write('"');
        int run = 0; // start of the characters not yet written
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            utf8(text, run, i);
            run = i + 1;
            write('\\');
            switch (c) {
                case '"' -> write('"');
                case '\\' -> write('\\');
                case '\b' -> write('b');
                case '\t' -> write('t');
                case '\n' -> write('n');
                case '\f' -> write('f');
                case '\r' -> write('r');
                default -> {
                    ascii("u00");
                    write(HEX[c >> 4]);
                    write(HEX[c & 0xf]);
                }
            }
        }
        utf8(text, run, text.length());
        write('"');
    }

    private void utf8(String text, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            ensure(to - from);
            for (int i = from; i < to; i++) {
                out[size++] = (byte) text.charAt(i);
            }
        } else {
            byte[] encoded = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
            ensure(encoded.length);
            System.arraycopy(encoded, 0, out, size, encoded.length);
            size += encoded.length;
        }
    }

    private void ascii(String text) {
        utf8(text, 0, text.length());
    }

    private void write(int b) {
        ensure(1);
        out[size++] = (byte) b;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
