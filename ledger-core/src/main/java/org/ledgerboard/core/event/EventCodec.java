package org.ledgerboard.core.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ledgerboard.core.canonical.Canonical;
import org.ledgerboard.core.canonical.CanonicalReader;
import org.ledgerboard.core.canonical.Hashes;
import org.ledgerboard.core.canonical.LedgerJson;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Encodes and decodes ledger records as CloudEvents 1.0 structured-mode JSON
 * ({@code application/cloudevents+json}) with the extension attributes {@code competitionid},
 * {@code aggregateid}, {@code sequence}, {@code actor}, {@code actoriss} and {@code hash}. Decoding is strict: anything that does not follow the
 * contract is rejected with an {@link InvalidRecordException} naming the problem; nothing is defaulted.
 */
public final class EventCodec {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String DATA_CONTENT_TYPE = "application/json";

    static final List<String> REQUIRED = List.of(
            "specversion", "id", "source", "type", "time", "datacontenttype",
            "competitionid", "aggregateid", "sequence", "hash", "data");
    static final Set<String> KNOWN = Set.of(
            "specversion", "id", "source", "type", "subject", "time", "datacontenttype",
            "competitionid", "aggregateid", "sequence", "actor", "actoriss", "hash", "data");

    private static final ObjectMapper JSON = LedgerJson.mapper();
    private static final ObjectReader RECORDS = JSON.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private EventCodec() {
    }

    /** The record with its {@code hash} computed over its canonical bytes. */
    public static LedgerRecord stamp(LedgerRecord record) {
        return record.withHash(hashOf(envelope(record)));
    }

    /** The record's JSON bytes; its hash is computed here, so a record can only be encoded with the right one. */
    public static byte[] encode(LedgerRecord record) {
        ObjectNode envelope = envelope(record);
        String hash = hashOf(envelope);
        if (record.hash() != null && !record.hash().equals(hash)) {
            throw new IllegalArgumentException("record " + record.id() + " carries hash " + record.hash()
                    + " but its content hashes to " + hash);
        }
        envelope.put("hash", hash);
        return Canonical.bytes(envelope);
    }

    /** Reads a record as {@link #check} does (written records in one pass), without hashing its content. */
    public static LedgerRecord decode(byte[] json) {
        Checked written = WrittenRecords.read(json, false);
        if (written != null) {
            return written.record();
        }
        CanonicalReader.Read canonical = CanonicalReader.readObject(json, "hash");
        return decode(canonical != null ? canonical.tree() : parse(json), true);
    }

    /** A record as read, and the hash its content has (to compare with the one it carries). */
    public record Checked(LedgerRecord record, String contentHash) {
    }

    /**
     * Parses and decodes a record and hashes its content, reading its bytes once; rejects what breaks the contract.
     * A record as the ledger writes it is read by {@link WrittenRecords}; one in canonical form otherwise (e.g. a
     * field missing) is read into a tree and hashed over its own bytes; any other is parsed and written canonical to
     * be hashed.
     */
    public static Checked check(byte[] json) {
        Checked written = WrittenRecords.read(json, true);
        if (written != null) {
            return written;
        }
        CanonicalReader.Read canonical = CanonicalReader.readObject(json, "hash");
        if (canonical != null) {
            return new Checked(decode(canonical.tree(), true), Hashes.hex(canonical.hash()));
        }
        JsonNode tree = parse(json);
        String contentHash = tree.isObject() ? hashOf(tree) : null; // before decoding, which may fill in nulls
        return new Checked(decode(tree, true), contentHash);
    }

    /**
     * Parses JSON bytes into a tree, rejecting malformed JSON, and a name twice in one object: RFC 8785 is defined
     * on I-JSON, which has none, and a reader that took the first of two would see another record than one that
     * took the last.
     */
    public static JsonNode parse(byte[] json) {
        try {
            return RECORDS.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new InvalidRecordException("unreadable record: " + e.getMessage(), e);
        }
    }

    public static LedgerRecord decode(JsonNode tree) {
        return decode(tree, false);
    }

    /** With {@code mayAlter}, the tree is the decoder's to change (absent nullable fields filled in). */
    private static LedgerRecord decode(JsonNode tree, boolean mayAlter) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidRecordException("malformed JSON: a record must be a JSON object");
        }
        for (String attribute : REQUIRED) {
            JsonNode value = tree.get(attribute);
            if (value == null || value.isNull()) {
                throw new InvalidRecordException("missing required attribute '" + attribute + "'");
            }
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw new InvalidRecordException("unknown attribute '" + name + "'");
            }
        }
        String specVersion = text(tree, "specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidRecordException("unsupported specversion '" + specVersion + "', expected '1.0'");
        }
        String dataContentType = text(tree, "datacontenttype");
        if (!DATA_CONTENT_TYPE.equals(dataContentType)) {
            throw new InvalidRecordException("datacontenttype must be '" + DATA_CONTENT_TYPE + "', got '"
                    + dataContentType + "'");
        }
        String type = text(tree, "type");
        Class<? extends LedgerEvent> eventClass = EventTypes.classOf(type)
                .orElseThrow(() -> new InvalidRecordException("unknown type '" + type + "'"));
        String hash = text(tree, "hash");
        if (!isHash(hash)) {
            throw new InvalidRecordException("hash must be 64 lowercase hex digits, got '" + hash + "'");
        }
        JsonNode sequence = tree.get("sequence");
        if (!sequence.isIntegralNumber() || !sequence.canConvertToLong() || sequence.asLong() < 0) {
            throw new InvalidRecordException("sequence must be a non-negative integer, got " + sequence);
        }
        LedgerEvent data = data(mayAlter ? tree.get("data") : tree.get("data").deepCopy(), eventClass);
        String competitionId = text(tree, "competitionid");
        if (!competitionId.equals(data.competitionId())) {
            throw new InvalidRecordException("competitionid '" + competitionId
                    + "' differs from data.competitionId '" + data.competitionId() + "'");
        }
        JsonNode subject = tree.get("subject");
        return new LedgerRecord(text(tree, "id"), text(tree, "source"),
                subject == null ? null : text(tree, "subject"), time(tree), text(tree, "aggregateid"),
                sequence.asLong(), actor(tree), data, hash);
    }

    /** 64 lowercase hex digits (a loop: the regular expression was a tenth of reading a record). */
    static boolean isHash(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 (hex) of the RFC 8785 bytes of a record's JSON without its {@code hash} attribute. */
    public static String hashOf(JsonNode recordTree) {
        return Hashes.hex(Hashes.sha256(Canonical.bytesWithout(recordTree, "hash")));
    }

    private static ObjectNode envelope(LedgerRecord record) {
        ObjectNode n = JSON.createObjectNode();
        n.put("specversion", SPEC_VERSION);
        n.put("id", record.id());
        n.put("source", record.source());
        n.put("type", record.type());
        if (record.subject() != null) {
            n.put("subject", record.subject());
        }
        n.put("time", DateTimeFormatter.ISO_INSTANT.format(record.time()));
        n.put("datacontenttype", DATA_CONTENT_TYPE);
        n.put("competitionid", record.competitionId());
        n.put("aggregateid", record.aggregateId());
        n.put("sequence", record.sequence());
        if (record.actor() != null) {
            n.put("actor", record.actor().attribute());
            n.put("actoriss", record.actor().issuer());
        }
        n.set("data", JSON.valueToTree(record.data()));
        return n;
    }

    private static Actor actor(JsonNode tree) {
        if (tree.get("actor") == null && tree.get("actoriss") == null) {
            return null;
        }
        if (tree.get("actor") == null || tree.get("actoriss") == null) {
            throw new InvalidRecordException("actor and actoriss go together");
        }
        try {
            return Actor.parse(text(tree, "actor"), text(tree, "actoriss"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage(), e);
        }
    }

    private static String text(JsonNode tree, String attribute) {
        JsonNode value = tree.get(attribute);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidRecordException("attribute '" + attribute + "' must be a non-empty string, got " + value);
        }
        return value.asText();
    }

    private static Instant time(JsonNode tree) {
        String time = text(tree, "time");
        Instant asWritten = asWritten(time);
        if (asWritten != null) {
            return asWritten;
        }
        try {
            return OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException("time must be an RFC 3339 timestamp, got '" + time + "'", e);
        }
    }

    /**
     * A time in the form records are written in ({@link DateTimeFormatter#ISO_INSTANT}: UTC, 'Z', up to nine
     * fraction digits), read field by field; null for any other form, which the RFC 3339 formatter judges. Written
     * here because the formatter took an eighth of a replay's time; EventCodecTest checks both give the same.
     */
    static Instant asWritten(String time) {
        int length = time.length();
        if (length < 20 || length > 30 || time.charAt(4) != '-' || time.charAt(7) != '-' || time.charAt(10) != 'T'
                || time.charAt(13) != ':' || time.charAt(16) != ':' || time.charAt(length - 1) != 'Z'
                || (length > 20 && (length == 21 || time.charAt(19) != '.'))) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            nanos = digits(time, 20, length - 1);
            for (int fractionDigits = length - 21; fractionDigits < 9; fractionDigits++) {
                nanos *= 10;
            }
        }
        int year = digits(time, 0, 4);
        int month = digits(time, 5, 7);
        int day = digits(time, 8, 10);
        int hour = digits(time, 11, 13);
        int minute = digits(time, 14, 16);
        int second = digits(time, 17, 19);
        if ((year | month | day | hour | minute | second | nanos) < 0) { // a field that is not all digits
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) { // e.g. 30 February: the formatter says so in its words
            return null;
        }
    }

    /** The decimal digits in [from, to) as a number; -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static LedgerEvent data(JsonNode data, Class<? extends LedgerEvent> eventClass) {
        if (!data.isObject()) {
            throw new InvalidRecordException("data must be a JSON object");
        }
        LedgerEvent event;
        try {
            event = JSON.treeToValue(withAbsentNullables(data, eventClass), eventClass);
        } catch (JsonMappingException e) {
            throw new InvalidRecordException("data of " + eventClass.getSimpleName() + " at '"
                    + path(e) + "': " + firstLine(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw new InvalidRecordException("data of " + eventClass.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("data of " + eventClass.getSimpleName() + ": " + e.getMessage(), e);
        }
        requireFields(event, () -> "data");
        return event;
    }

    /**
     * A {@link Nullable} field a record does not carry reads as null: such fields were added to the contract later
     * (and are written only when set), so a ledger recorded before them stays readable and hashes as it did.
     * Every other field stays required.
     */
    private static JsonNode withAbsentNullables(JsonNode node, java.lang.reflect.Type type) {
        if (type instanceof Class<?> recordType && recordType.isRecord() && node instanceof ObjectNode object) {
            for (Component component : COMPONENTS.get(recordType)) {
                JsonNode field = object.get(component.name());
                if (field == null && component.nullable()) {
                    object.putNull(component.name());
                } else if (field != null) {
                    withAbsentNullables(field, component.type());
                }
            }
        } else if (type instanceof java.lang.reflect.ParameterizedType list && list.getRawType() == List.class
                && node.isArray()) {
            node.forEach(element -> withAbsentNullables(element, list.getActualTypeArguments()[0]));
        }
        return node;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("data");
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Jackson lets an explicit null through to a record; the contract does not, except where {@link Nullable}. The
     * path is written only for the message: building it for every field was a tenth of reading a record.
     */
    private static void requireFields(Object value, Supplier<String> path) {
        if (value instanceof Record record) {
            for (Component component : COMPONENTS.get(record.getClass())) {
                Object field = component.read(record);
                if (field == null && !component.nullable()) {
                    throw new InvalidRecordException("missing required field '" + path.get() + "." + component.name() + "'");
                }
                if (hasFields(field)) {
                    requireFields(field, () -> path.get() + "." + component.name());
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                if (list.get(i) == null) {
                    throw new InvalidRecordException("null element at '" + path.get() + "[" + i + "]'");
                }
                if (hasFields(list.get(i))) {
                    requireFields(list.get(i), () -> path.get() + "[" + index + "]");
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    throw new InvalidRecordException("null value at '" + path.get() + "." + entry.getKey() + "'");
                }
            }
        }
    }

    private static boolean hasFields(Object value) {
        return value instanceof Record || value instanceof List<?> || value instanceof Map<?, ?>;
    }

    /** A record component as the decoder needs it; looked up once per record class, not per record. */
    private record Component(String name, boolean nullable, java.lang.reflect.Type type, Method accessor) {
        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
            }
        }
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(c -> new Component(c.getName(),
                    c.isAnnotationPresent(Nullable.class), c.getGenericType(), c.getAccessor())).toList();
        }
    };
}
