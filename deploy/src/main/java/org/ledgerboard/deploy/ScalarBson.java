package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link BsonStoreType}'s encoding of the keys and ids most writes carry — an id or position that is a string,
 * an ObjectId, a 32- or 64-bit integer or a double, and index keys made of those — written straight into an array: byte for
 * byte what going through a {@code Document} and mongo-java-server's {@code BsonEncoder} writes (BsonStoreTypeTest
 * proves it on random values), so the file and the key order stay as they were. That way built a map, a buffer and
 * a copy per key, and encoding keys and values was a third of the store's time under the write benchmark, nearly
 * all of it these small ones. Anything else: null, and the general way encodes it.
 */
final class ScalarBson {
    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte ARRAY = 0x04;
    private static final byte OBJECT_ID = 0x07;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    private static final int MAX_ELEMENTS = 10; // array element names "0".."9": one byte each

    private byte[] out = new byte[128]; // a typical key fits: no growing
    private int size;

    private ScalarBson() {
    }

    /** The tagged BSON of {"k": value} or {"k": [values]}, or null when a value is not one of the kinds above. */
    static byte[] encode(Object value) {
        ScalarBson bson = new ScalarBson();
        if (value instanceof KeyValue key) {
            if (key.size() > MAX_ELEMENTS) {
                return null;
            }
            bson.put(BsonStoreType.KEY);
            int document = bson.begin();
            bson.put(ARRAY);
            bson.name('k');
            int array = bson.begin();
            for (int i = 0; i < key.size(); i++) {
                if (!bson.element((char) ('0' + i), key.get(i))) {
                    return null;
                }
            }
            bson.end(array);
            bson.end(document);
        } else {
            bson.put(BsonStoreType.VALUE);
            int document = bson.begin();
            if (!bson.element('k', value)) {
                return null;
            }
            bson.end(document);
        }
        return Arrays.copyOf(bson.out, bson.size);
    }

    /** One element of a document: its type, its one-character name, its value; false for a value of another kind. */
    private boolean element(char name, Object value) {
        if (value instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            put(STRING);
            name(name);
            int32(utf8.length + 1);
            put(utf8);
            put((byte) 0);
        } else if (value instanceof Long number) {
            put(INT64);
            name(name);
            int64(number);
        } else if (value instanceof Integer number) {
            put(INT32);
            name(name);
            int32(number);
        } else if (value instanceof Double number) { // unique indexes hold every number as a double
            put(DOUBLE);
            name(name);
            int64(Double.doubleToRawLongBits(number));
        } else if (value instanceof ObjectId id) {
            put(OBJECT_ID);
            name(name);
            put(id.toByteArray());
        } else {
            return false;
        }
        return true;
    }

    /** A document's start: room for its length, which {@link #end} fills in. */
    private int begin() {
        int at = size;
        int32(0);
        return at;
    }

    private void end(int document) {
        put((byte) 0);
        int length = size - document;
        for (int i = 0; i < Integer.BYTES; i++) {
            out[document + i] = (byte) (length >>> (8 * i));
        }
    }

    private void name(char name) {
        put((byte) name);
        put((byte) 0);
    }

    private void int32(int value) {
        for (int i = 0; i < Integer.BYTES; i++) {
            put((byte) (value >>> (8 * i)));
        }
    }

    private void int64(long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            put((byte) (value >>> (8 * i)));
        }
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void put(byte b) {
        room(1);
        out[size++] = b;
    }

    private void room(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
