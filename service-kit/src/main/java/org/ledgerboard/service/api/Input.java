package org.ledgerboard.service.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks of request input; each failure is a 400 naming the field. Used in the compact constructors of requests. */
public final class Input {
    /** What an id may be: URL-safe, 1-64 characters; stated in the OpenAPI document of every request field. */
    public static final String ID_PATTERN = "^[A-Za-z0-9._~-]{1,64}$";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private Input() {
    }

    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw ProblemException.invalid(field, "'" + field + "' is required");
        }
        return value;
    }

    /** A client-chosen id (URL-safe, 1–64 characters), or a generated one when the client left it out. */
    public static String idOrNew(String value, String field) {
        return value == null ? UUID.randomUUID().toString() : id(value, field);
    }

    public static String id(String value, String field) {
        required(value, field);
        if (!ID.matcher(value).matches()) {
            throw ProblemException.invalid(field, "'" + field + "' must be 1-64 URL-safe characters "
                    + "(letters, digits, '.', '_', '~', '-'), got \"" + value + "\"");
        }
        return value;
    }

    /** A decimal given as a JSON string in plain notation ("12.50"), strictly positive. */
    public static BigDecimal positiveAmount(String value, String field) {
        BigDecimal amount = decimal(value, field);
        if (amount.signum() <= 0) {
            throw ProblemException.invalid(field, "'" + field + "' must be greater than zero, got " + value);
        }
        return amount;
    }

    public static BigDecimal decimal(String value, String field) {
        required(value, field);
        if (!DECIMAL.matcher(value).matches()) {
            throw ProblemException.invalid(field, "'" + field + "' must be a decimal string such as \"12.50\", got \""
                    + value + "\"");
        }
        return new BigDecimal(value);
    }

    /**
     * A whole number given as text (a query parameter: JAX-RS would answer a 404 for one it cannot convert), from
     * {@code min} to {@code max}; {@code absent} when it is not given.
     */
    public static long whole(String value, String field, long min, long max, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(field, "'" + field + "' must be a whole number from " + min + " to " + max
                + ", got \"" + value + "\"");
    }

    public static <T> List<T> list(List<T> values, String field) {
        required(values, field);
        for (int i = 0; i < values.size(); i++) {
            required(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }
}
