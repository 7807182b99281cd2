package org.ledgerboard.core.canonical;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON values from bytes in RFC 8785 form, one at a time, refusing any value not written as the canonical
 * form writes it (an escape, a fraction or exponent, a leading zero, invalid UTF-8): a refusal is a null or
 * {@link #NOT_CANONICAL}, and the caller takes the general way, which judges the bytes. Truncated bytes end in an
 * {@link ArrayIndexOutOfBoundsException}, which callers take as a refusal too. Shared by {@link CanonicalReader} (into
 * a tree) and the event decoder (into records); written here because JSON libraries write the canonical form but
 * none checks it.
 */
public final class CanonicalCursor {
    /** What {@link #integer} gives for a number not in canonical form (no canonical integer is this small). */
    public static final long NOT_CANONICAL = Long.MIN_VALUE;

    private static final long EXACT_INTEGERS = 1L << 53; // as CanonicalWriter prints integers
    private static final int SHORT = 32;
    private static final String[] SHORT_STRINGS = new String[4096];

    private final byte[] in;
    private int at;

    public CanonicalCursor(byte[] in, int at) {
        this.in = in;
        this.at = at;
    }

    public int position() {
        return at;
    }

    public boolean atEnd() {
        return at == in.length;
    }

    /** The byte at the cursor, not consumed. */
    public byte next() {
        return in[at];
    }

    /** Consumes {@code b} if it is next. */
    public boolean skip(char b) {
        if (in[at] == b) {
            at++;
            return true;
        }
        return false;
    }

    /** Consumes the string at the cursor if its bytes are exactly {@code text} (ASCII, nothing to escape). */
    public boolean skipString(byte[] text) {
        int end = at + 1 + text.length;
        if (in[at] != '"' || end >= in.length || in[end] != '"' || !Arrays.equals(in, at + 1, end, text, 0, text.length)) {
            return false;
        }
        at = end + 1;
        return true;
    }

    /**
     * Moves past the object or array at the cursor without reading its values; false at an escape, which canonical
     * form writes only where a string needs one, and the general way judges.
     */
    public boolean skipComposite() {
        int depth = 0;
        do {
            byte b = in[at++];
            if (b == '"') {
                for (byte s = in[at]; s != '"'; s = in[++at]) {
                    if (s == '\\') {
                        return false;
                    }
                }
                at++;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
        } while (depth > 0);
        return true;
    }

    /**
     * The string at the cursor (which is at its opening quote), if nothing in it is escaped: canonical form escapes
     * only quotes, backslashes and control characters, which such a string has none of; null otherwise.
     */
    public String string() {
        return string(true);
    }

    /**
     * As {@link #string()}, for a string that is one of a kind (a record's id or time): sharing it would only push
     * the repeated ones out of the cache.
     */
    public String uniqueString() {
        return string(false);
    }

    private String string(boolean shared) {
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
            return shared && end - start <= SHORT ? shortAscii(start, end) : new String(in, start, end - start,
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

    /**
     * The integer at the cursor as canonical form prints it: no leading zero, no minus zero, within what a double
     * holds exactly; {@link #NOT_CANONICAL} for anything else.
     */
    public long integer() {
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
            return NOT_CANONICAL;
        }
        long value = 0;
        for (int i = digitsStart; i < at; i++) {
            value = value * 10 + (in[i] - '0');
        }
        if (value > EXACT_INTEGERS || (value == 0 && in[start] == '-')) {
            return NOT_CANONICAL;
        }
        return in[start] == '-' ? -value : value;
    }

    /** Consumes {@code word} ({@code true}, {@code false}, {@code null}) if it is next. */
    public boolean literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (in[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }
}
