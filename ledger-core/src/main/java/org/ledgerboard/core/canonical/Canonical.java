package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: the bytes every module and the auditor hash.
 * Uses the RFC author's Java implementation (erdtman java-json-canonicalization), proven in CanonicalTest against
 * the RFC's own examples.
 */
public final class Canonical {
    private Canonical() {
    }

    public static byte[] bytes(JsonNode json) {
        try {
            return bytes(LedgerJson.mapper().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static byte[] bytes(Object value) {
        return bytes(LedgerJson.mapper().<JsonNode>valueToTree(value));
    }

    public static byte[] bytes(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }
}
