package org.ledgerboard.core.canonical;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A string is read as written, refused at an escape or invalid UTF-8 wherever it sits, and short ones are shared. */
class CanonicalCursorTest {
    private static final int LONGEST = 40;

    private static String read(String json) {
        return new CanonicalCursor(json.getBytes(StandardCharsets.UTF_8), 0).string();
    }

    private static String plain(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    @Test
    void readsAPlainStringOfAnyLengthAndStopsAtItsQuote() {
        for (int length = 0; length <= LONGEST; length++) {
            String text = plain(length);
            CanonicalCursor cursor = new CanonicalCursor(("\"" + text + "\",\"x\"").getBytes(StandardCharsets.UTF_8), 0);

            assertThat(cursor.string()).isEqualTo(text);
            assertThat(cursor.position()).isEqualTo(length + 2);
        }
    }

    @Test
    void refusesAnEscapeAtAnyPlace() {
        for (int length = 1; length <= LONGEST; length++) {
            for (int at = 0; at < length; at++) {
                String text = plain(length);
                String before = text.substring(0, at);
                String after = text.substring(at + 1);

                assertThat(read("\"" + before + "\\\"" + after + "\"")).as("quote escaped at %d of %d", at, length).isNull();
                assertThat(read("\"" + before + "\\\\" + after + "\"")).as("backslash at %d of %d", at, length).isNull();
                assertThat(read("\"" + before + "\u0001" + after + "\"")).as("control at %d of %d", at, length).isNull();
            }
        }
    }

    @Test
    void readsNonAsciiAtAnyPlaceAndRefusesInvalidUtf8() {
        for (int length = 1; length <= LONGEST; length++) {
            for (int at = 0; at < length; at++) {
                String text = plain(length);
                String accented = text.substring(0, at) + "é" + text.substring(at + 1);
                byte[] invalid = ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
                invalid[1 + at] = (byte) 0xFF;

                assertThat(read("\"" + accented + "\"")).as("é at %d of %d", at, length).isEqualTo(accented);
                assertThat(new CanonicalCursor(invalid, 0).string()).as("0xFF at %d of %d", at, length).isNull();
            }
        }
    }

    @Test
    void sharesAShortStringAndKeepsApartStringsThatDifferOnlyInTheMiddle() {
        String first = read("\"competition-A-team-0001\"");
        String second = read("\"competition-B-team-0001\"");

        assertThat(read("\"competition-A-team-0001\"")).isEqualTo("competition-A-team-0001").isSameAs(first);
        assertThat(read("\"competition-B-team-0001\"")).isEqualTo("competition-B-team-0001").isSameAs(second);
    }
}
