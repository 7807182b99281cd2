package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: the bytes every module and the auditor hash.
 * Written by {@link CanonicalWriter} from the parsed tree, numbers by the RFC author's Java implementation
 * (erdtman java-json-canonicalization); proven in CanonicalTest against the RFC's own examples.
 */
public final class Canonical {
    private Canonical() {
    }

    public static byte[] bytes(JsonNode json) {
        return CanonicalWriter.bytes(json, null);
    }

    /** The canonical bytes of a JSON object without one of its top-level members (a record without its hash). */
    public static byte[] bytesWithout(JsonNode json, String member) {
        return CanonicalWriter.bytes(json, member);
    }

    public static byte[] bytes(Object value) {
        return bytes(LedgerJson.mapper().<JsonNode>valueToTree(value));
    }

    public static byte[] bytes(String json) {
        try {
            return bytes(LedgerJson.mapper().readTree(json));
        } catch (JacksonException e) {
            throw new UncheckedIOException("not canonicalisable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
