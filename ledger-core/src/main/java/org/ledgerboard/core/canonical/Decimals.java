package org.ledgerboard.core.canonical;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Parses the decimal strings of the ledger: plain notation only, so every reader sees the same number. */
public final class Decimals {
    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private Decimals() {
    }

    public static BigDecimal parse(String text, String field) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be a plain decimal string such as \"12.50\", got \"" + text + "\"");
        }
        return new BigDecimal(text);
    }
}
