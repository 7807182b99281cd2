package org.ledgerboard.core.canonical;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** The one Jackson configuration for ledger JSON: decimals as strings, instants as ISO-8601, nothing defaulted. */
public final class LedgerJson {
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private LedgerJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the ledger's strict rules to a mapper: nothing missing, unknown or defaulted is let through. */
    public static <B extends JsonMapper.Builder> B configure(B builder) {
        addModules(builder)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return builder;
    }

    /** Only the value formats (decimals as strings, ISO-8601 instants), for mappers that also read other types. */
    public static <B extends JsonMapper.Builder> B addModules(B builder) {
        builder.addModules(modules()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return builder;
    }

    /** The modules behind those formats, for mappers configured elsewhere (e.g. by Quarkus). */
    public static List<Module> modules() {
        return List.of(new JavaTimeModule(), decimalsAsStrings());
    }

    /** Money and scores travel as JSON strings so that no JSON reader turns them into binary floating point. */
    private static SimpleModule decimalsAsStrings() {
        SimpleModule module = new SimpleModule("ledger-decimals");
        module.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        module.addDeserializer(BigDecimal.class, new JsonDeserializer<>() {
            @Override
            public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p.currentToken(), p,
                            "decimal '%s' must be a JSON string such as \"12.50\"", p.currentName());
                }
                return Decimals.parse(p.getText(), p.currentName());
            }
        });
        return module;
    }
}
