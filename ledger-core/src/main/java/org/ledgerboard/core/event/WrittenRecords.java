package org.ledgerboard.core.event;

import org.ledgerboard.core.canonical.CanonicalCursor;
import org.ledgerboard.core.canonical.Decimals;
import org.ledgerboard.core.canonical.Hashes;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads a record in the form the ledger writes it (RFC 8785 bytes, every attribute and field as the contract
 * has it) straight into a {@link LedgerRecord}, in one pass, and hashes its bytes: what {@link EventCodec#check}
 * gives, without a JSON tree or data binding in between, which were two thirds of an audit's time per record.
 * Anything else — a value not in canonical form, a member unknown, missing or null, a value a record's constructor
 * refuses — gets null, and the general way (tree, Jackson) reads or judges it, so the two cannot disagree on what
 * they both accept; WrittenRecordsTest proves they agree. Written here because no JSON library reads canonical form
 * as such.
 */
final class WrittenRecords {
    /** Refuses the fast way from anywhere in a record; carries no stack, as it is a verdict, not an error. */
    private static final RuntimeException NOT_WRITTEN = new RuntimeException("not in written form", null, false, false) {
    };

    /** The codec's envelope attributes in canonical (sorted) order; those it does not require are optional. */
    static final Member[] ENVELOPE = EventCodec.KNOWN.stream().sorted()
            .map(name -> new Member(name, !EventCodec.REQUIRED.contains(name))).toArray(Member[]::new);
    private static final int ACTOR = at("actor"), ACTOR_ISSUER = at("actoriss"), AGGREGATE = at("aggregateid"),
            COMPETITION = at("competitionid"), DATA = at("data"), DATA_CONTENT_TYPE = at("datacontenttype"),
            HASH = at("hash"), ID = at("id"), SEQUENCE = at("sequence"), SOURCE = at("source"),
            SPEC_VERSION = at("specversion"), SUBJECT = at("subject"), TIME = at("time"), TYPE = at("type");

    /** The envelope's required attributes, one bit each. */
    private static final int REQUIRED = IntStream.range(0, ENVELOPE.length).filter(i -> !ENVELOPE[i].optional)
            .map(i -> 1 << i).sum();
    private static final byte[] SPEC_VERSION_1_0 = EventCodec.SPEC_VERSION.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON_DATA = EventCodec.DATA_CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII);

    private WrittenRecords() {
    }

    /**
     * The record and, if {@code hashed}, its content hash, or null when it is not in written form (then the general
     * way reads it). Unhashed for a reader that does not compare hashes: hashing was a sixth of what a service's
     * subscription spent per record.
     */
    static EventCodec.Checked read(byte[] json, boolean hashed) {
        try {
            return json.length > 0 && json[0] == '{' ? envelope(json, hashed) : null;
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        } catch (RuntimeException refused) {
            if (refused == NOT_WRITTEN) {
                return null;
            }
            throw refused;
        }
    }

    private static EventCodec.Checked envelope(byte[] json, boolean hashed) {
        CanonicalCursor in = new CanonicalCursor(json, 1);
        String[] text = new String[ENVELOPE.length];
        long sequence = -1;
        int dataStart = -1;
        int dataEnd = -1;
        int hashFrom = -1;
        int hashTo = -1;
        int next = 0;
        int seen = 0;
        boolean first = true;
        while (!in.skip('}')) {
            int memberStart = in.position();
            require(first || in.skip(','));
            next = nextMember(in, ENVELOPE, next);
            if (next == DATA) {
                dataStart = in.position();
                require(in.next() == '{' && in.skipComposite());
                dataEnd = in.position();
            } else if (next == SEQUENCE) {
                sequence = in.integer();
                require(sequence >= 0);
            } else if (next == HASH) {
                text[HASH] = nonEmptyString(in, false);
                hashFrom = memberStart;
                hashTo = first && in.next() == ',' ? in.position() + 1 : in.position();
            } else if (next == SPEC_VERSION) {
                require(in.skipString(SPEC_VERSION_1_0));
            } else if (next == DATA_CONTENT_TYPE) {
                require(in.skipString(JSON_DATA));
            } else {
                text[next] = nonEmptyString(in, next != ID && next != TIME);
            }
            seen |= 1 << next;
            next++;
            first = false;
        }
        require(in.atEnd() && (seen & REQUIRED) == REQUIRED && (text[ACTOR] == null) == (text[ACTOR_ISSUER] == null));
        Class<? extends LedgerEvent> eventClass = EventTypes.classOf(text[TYPE]).orElseThrow(() -> NOT_WRITTEN);
        CanonicalCursor data = new CanonicalCursor(json, dataStart);
        LedgerEvent event = (LedgerEvent) Shape.OF.get(eventClass).read(data);
        Instant time = EventCodec.asWritten(text[TIME]);
        require(data.position() == dataEnd && time != null && text[COMPETITION].equals(event.competitionId()));
        Actor actor = null;
        if (text[ACTOR] != null) {
            try {
                actor = Actor.parse(text[ACTOR], text[ACTOR_ISSUER]);
            } catch (IllegalArgumentException e) {
                throw NOT_WRITTEN;
            }
        }
        String contentHash = hashed ? Hashes.hex(Hashes.sha256Without(json, hashFrom, hashTo)) : null;
        // a hash equal to the content's is 64 lowercase hex digits; only another one needs the character check
        require(text[HASH].equals(contentHash) || EventCodec.isHash(text[HASH]));
        LedgerRecord record = new LedgerRecord(text[ID], text[SOURCE], text[SUBJECT], time, text[AGGREGATE],
                sequence, actor, event, text[HASH]);
        return new EventCodec.Checked(record, contentHash);
    }

    /**
     * The index of the member whose name is at the cursor, from {@code next} on, past its colon; the members
     * passed over are absent, which only optional ones may be. Names come in sorted order, so one pass suffices.
     */
    private static int nextMember(CanonicalCursor in, Member[] members, int next) {
        while (next < members.length && !in.skipString(members[next].name)) {
            require(members[next].optional);
            next++;
        }
        require(next < members.length && in.skip(':'));
        return next;
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw NOT_WRITTEN;
        }
    }

    private static String string(CanonicalCursor in) {
        return string(in, true);
    }

    /** Shared unless one of a kind (see {@link CanonicalCursor#uniqueString}). */
    private static String string(CanonicalCursor in, boolean shared) {
        require(in.next() == '"');
        String text = shared ? in.string() : in.uniqueString();
        require(text != null);
        return text;
    }

    private static String nonEmptyString(CanonicalCursor in, boolean shared) {
        String text = string(in, shared);
        require(!text.isEmpty());
        return text;
    }

    /** A member name as bytes; optional when the contract lets it be absent. */
    record Member(byte[] name, boolean optional) {
        Member(String name, boolean optional) {
            this(name.getBytes(StandardCharsets.US_ASCII), optional);
        }
    }

    private static int at(String attribute) {
        for (int i = 0; i < ENVELOPE.length; i++) {
            if (Arrays.equals(ENVELOPE[i].name(), attribute.getBytes(StandardCharsets.US_ASCII))) {
                return i;
            }
        }
        throw new IllegalStateException("the envelope has no attribute " + attribute);
    }

    /** Reads one value of a type from the cursor, or refuses. */
    private interface ValueReader {
        Object read(CanonicalCursor in);
    }

    private static ValueReader readerOf(Type type) {
        if (type == String.class) {
            return WrittenRecords::string;
        } else if (type == int.class) {
            return in -> {
                long value = in.integer();
                require(value == (int) value);
                return (int) value;
            };
        } else if (type == long.class) {
            return in -> {
                long value = in.integer();
                require(value != CanonicalCursor.NOT_CANONICAL);
                return value;
            };
        } else if (type == boolean.class) {
            return in -> {
                if (in.literal("true")) {
                    return true;
                }
                require(in.literal("false"));
                return false;
            };
        } else if (type == BigDecimal.class) {
            return in -> {
                try {
                    return Decimals.parse(string(in), null);
                } catch (IllegalArgumentException notPlain) {
                    throw NOT_WRITTEN;
                }
            };
        } else if (type == Instant.class) {
            return in -> {
                Instant instant = EventCodec.asWritten(string(in));
                require(instant != null);
                return instant;
            };
        } else if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return listOf(readerOf(generic.getActualTypeArguments()[0]));
        } else if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class
                && generic.getActualTypeArguments()[0] == String.class) {
            return mapOf(readerOf(generic.getActualTypeArguments()[1]));
        } else if (type instanceof Class<?> record && record.isRecord()) {
            Shape shape = Shape.OF.get(record);
            return shape.readable ? shape : null;
        }
        return null; // a type the fast way does not read: records of its class go the general way
    }

    private static ValueReader listOf(ValueReader element) {
        if (element == null) {
            return null;
        }
        return in -> {
            require(in.skip('['));
            List<Object> list = new ArrayList<>();
            while (!in.skip(']')) {
                require(list.isEmpty() || in.skip(','));
                require(in.next() != 'n'); // no null element
                list.add(element.read(in));
            }
            return list;
        };
    }

    private static ValueReader mapOf(ValueReader value) {
        if (value == null) {
            return null;
        }
        return in -> {
            require(in.skip('{'));
            Map<String, Object> map = new LinkedHashMap<>();
            String previous = null;
            while (!in.skip('}')) {
                require(previous == null || in.skip(','));
                String key = string(in);
                require((previous == null || previous.compareTo(key) < 0) && in.skip(':') && in.next() != 'n');
                map.put(key, value.read(in));
                previous = key;
            }
            return map;
        };
    }

    /**
     * How a record class reads: its components in canonical order of their names, and its canonical constructor.
     * A class with a component of a type the fast way does not read is not readable: its records go the general way.
     */
    private static final class Shape implements ValueReader {
        static final ClassValue<Shape> OF = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                return new Shape(type);
            }
        };

        private final Member[] members;
        private final int[] argument;
        private final ValueReader[] readers;
        private final Constructor<?> constructor;
        private final boolean readable;

        private Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            RecordComponent[] sorted = components.clone();
            Arrays.sort(sorted, Comparator.comparing(RecordComponent::getName));
            members = new Member[sorted.length];
            argument = new int[sorted.length];
            readers = new ValueReader[sorted.length];
            boolean all = true;
            for (int i = 0; i < sorted.length; i++) {
                RecordComponent c = sorted[i];
                members[i] = new Member(c.getName(), c.isAnnotationPresent(Nullable.class));
                argument[i] = Arrays.asList(components).indexOf(c);
                readers[i] = readerOf(c.getGenericType());
                all &= readers[i] != null && c.getName().chars().allMatch(ch -> ch < 0x80);
            }
            Constructor<?> canonical = null;
            try {
                canonical = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                all = false;
            }
            constructor = canonical;
            readable = all;
        }

        @Override
        public Object read(CanonicalCursor in) {
            require(readable && in.skip('{'));
            Object[] arguments = new Object[members.length];
            int next = 0;
            boolean first = true;
            while (!in.skip('}')) {
                require(first || in.skip(','));
                next = nextMember(in, members, next);
                if (in.next() == 'n') { // null, where the contract allows it
                    require(members[next].optional && in.literal("null"));
                } else {
                    arguments[argument[next]] = readers[next].read(in);
                }
                next++;
                first = false;
            }
            for (; next < members.length; next++) {
                require(members[next].optional);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | IllegalArgumentException refused) {
                throw NOT_WRITTEN; // e.g. a key that is not Ed25519: the general way says why
            }
        }
    }
}
