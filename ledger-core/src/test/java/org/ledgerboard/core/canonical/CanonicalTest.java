package org.ledgerboard.core.canonical;

import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8785 conformance of {@link Canonical}, against the RFC's own examples and the ledger's Korean text. */
class CanonicalTest {

    private static String canonical(String json) {
        return new String(Canonical.bytes(json), StandardCharsets.UTF_8);
    }

    @Test
    void rfc8785Section322SampleIsCanonicalisedAsPublished() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(canonical(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void rfc8785Section322SampleHasThePublishedUtf8Bytes() {
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + "\"literals\":[null,true,false]}";
        // The hex dump printed under the sample's output in RFC 8785 section 3.2.2.
        String publishedHex = """
                7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
                75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
                5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
                65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
                5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
                30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d""".replaceAll("\\s+", "");

        assertThat(Hashes.hex(Canonical.bytes(input))).isEqualTo(publishedHex);
    }

    @Test
    void rfc8785Section323PropertiesAreSortedByUtf16CodeUnits() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";

        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and the text JCS must produce for them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785AppendixBNumbersSerialiseAsPublished(String ieee754, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));
        String json = "[" + Double.toString(value).replace("Infinity", "1e999") + "]";

        assertThat(canonical(json)).isEqualTo("[" + expected + "]");
    }

    @Test
    void rfc8785AppendixBNaNAndInfinityAreRejected() {
        assertThatThrownBy(() -> NumberToJSON.serializeNumber(Double.NaN)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> NumberToJSON.serializeNumber(Double.POSITIVE_INFINITY)).isInstanceOf(IOException.class);
    }

    @Test
    void koreanTextIsKeptAsUtf8AndSortedByCodeUnit() {
        String input = "{\"팀\":\"네이버클라우드\",\"기관\":\"엘지에이아이연구원\",\"a\":\"LG AI연구원\"}";

        String out = canonical(input);

        assertThat(out).isEqualTo("{\"a\":\"LG AI연구원\",\"기관\":\"엘지에이아이연구원\",\"팀\":\"네이버클라우드\"}");
        assertThat(Canonical.bytes(input)).isEqualTo(out.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void escapedKoreanAndLiteralKoreanCanonicaliseToTheSameBytes() {
        assertThat(Canonical.bytes("{\"name\":\"\\uc5c5\\uc2a4\\ud14c\\uc774\\uc9c0\"}"))
                .isEqualTo(Canonical.bytes("{\"name\":\"업스테이지\"}"));
    }

    @Test
    void controlCharactersUseShortEscapesOrLowercaseUnicodeEscapes() {
        assertThat(canonical("[\"\\u0008\\t\\n\\u000c\\r\\u0001\\u001F\\u007f\"]"))
                .isEqualTo("[\"\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\"]");
    }

    @Test
    void whitespaceAndSolidusEscapesDisappear() {
        assertThat(canonical(" { \"b\" : [ 1 , 2 ] ,\n \"a\" : \"x\\/y\" } ")).isEqualTo("{\"a\":\"x/y\",\"b\":[1,2]}");
    }

    @Test
    void nestedObjectsAreSortedRecursivelyAndArraysKeepTheirOrder() {
        assertThat(canonical("{\"z\":{\"b\":1,\"a\":[3,{\"d\":0,\"c\":-0}]},\"y\":[]}"))
                .isEqualTo("{\"y\":[],\"z\":{\"a\":[3,{\"c\":0,\"d\":0}],\"b\":1}}");
    }

    @Test
    void integersAndExponentFormsOfTheSameNumberAgree() {
        assertThat(canonical("[1.0, 1e0, 10e-1, 100, 1E2, 0.0000001, 1e21, 1e20]"))
                .isEqualTo("[1,1,1,100,100,1e-7,1e+21,100000000000000000000]");
    }
}
