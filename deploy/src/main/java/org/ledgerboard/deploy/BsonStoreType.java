package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * How the local store keeps documents, their ids and index keys in its H2 file: as BSON, the form they arrive in.
 * The H2 backend's default type writes each one with Java serialisation (a new {@code ObjectOutputStream}, class
 * descriptors and all, per object) and compares index keys by serialising both sides on every comparison; profiles
 * of the write benchmark showed that as most of the store's time, and every commit rewrites whole pages of them.
 * Keys are ordered by their encoded bytes: a total order in which equal keys have equal bytes, which is all the
 * backend's maps need (its queries do not rely on the index order).
 */
final class BsonStoreType extends BasicDataType<Object> {
    /** For the maps' keys (document positions, index keys) and values (documents). */
    static final BsonStoreType BSON = new BsonStoreType();

    private static final byte MISSING = 0;
    static final byte KEY = 1;              // an index key: {"k": [values]}
    private static final byte DOCUMENT = 2; // a stored document, as it is
    static final byte VALUE = 3;            // an id or a position: {"k": value}
    private static final byte SERIALIZED = 4; // what BSON cannot hold (a missing value inside a key): as H2 would
    private static final String FIELD = "k";
    /**
     * Encodings by identity, direct-mapped: the pages near a tree's root are probed by every search, and a commit
     * writes each page it changed whole, so the documents on the leaf being appended to are written again by each.
     */
    private static final Encoded[] ENCODED = new Encoded[1 << 15];

    private BsonStoreType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return Arrays.compareUnsigned(encode(a), encode(b));
    }

    /**
     * H2's binary search (same probes, same answer), with the key sought encoded once instead of at every probe,
     * and each probed key's encoding remembered ({@link #remembered}): key comparisons were a quarter of the
     * store's time under the write benchmark, nearly all of it encoding, and then still a seventh with a buffer
     * reused for the probes.
     */
    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        byte[] sought = encode(key);
        Object[] keys = cast(storage);
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            byte[] probed = remembered(keys[x]);
            int compare = Arrays.compareUnsigned(sought, probed);
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return ~low;
    }

    @Override
    public int getMemory(Object value) {
        return 24 + remembered(value).length;
    }

    /**
     * The remembered encoding ({@link #remembered}): every commit writes each page it changed whole, the pages
     * above the leaves hold nothing but keys, many of them encoded already by the searches that passed through them
     * (the store's CPU per command under the write benchmark went from 0.43–0.49 ms to 0.38–0.41 ms), and a leaf
     * holds documents written by earlier commits.
     */
    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte[] bytes = remembered(value);
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return decode(bytes);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /**
     * The encoding, remembered for the object: keys stay in their pages as they were put or read, an index key is
     * never changed in place (the tree's order would not survive it either), and a document the backend changes in
     * place is then stored as a copy (DurableH2Backend), so what a commit writes of the store as it is now is true.
     * Threads may race on a slot, which at worst encodes an object again.
     */
    private static byte[] remembered(Object key) {
        int slot = System.identityHashCode(key) & (ENCODED.length - 1);
        Encoded known = ENCODED[slot];
        if (known != null && known.key() == key) {
            return known.bytes();
        }
        byte[] bytes = encode(key);
        ENCODED[slot] = new Encoded(key, bytes);
        return bytes;
    }

    private record Encoded(Object key, byte[] bytes) {
    }

    static byte[] encode(Object value) {
        byte[] scalar = ScalarBson.encode(value);
        return scalar != null ? scalar : encodeGenerally(value);
    }

    /** Through a document and mongo-java-server's BSON encoder: any value. */
    static byte[] encodeGenerally(Object value) {
        ByteBuf out = Unpooled.buffer(256);
        encodeInto(value, out);
        return ByteBufUtil.getBytes(out);
    }

    private static void encodeInto(Object value, ByteBuf out) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        try {
            writeBson(value, out);
        } catch (IllegalArgumentException notBson) {
            out.clear().writeByte(SERIALIZED).writeBytes(ObjectDataType.serialize(value));
        }
    }

    private static void writeBson(Object value, ByteBuf out) {
        if (value instanceof KeyValue key) {
            out.writeByte(KEY);
            BsonEncoder.encodeDocument(new Document(FIELD, key.stream().toList()), out);
        } else if (value instanceof Document document) {
            out.writeByte(DOCUMENT);
            BsonEncoder.encodeDocument(document, out);
        } else {
            out.writeByte(VALUE);
            BsonEncoder.encodeDocument(new Document(FIELD, value), out);
        }
    }

    static Object decode(byte[] bytes) {
        if (bytes[0] == MISSING) {
            return Missing.getInstance();
        }
        if (bytes[0] == SERIALIZED) {
            return ObjectDataType.deserialize(Arrays.copyOfRange(bytes, 1, bytes.length));
        }
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes, 1, bytes.length - 1));
        return switch (bytes[0]) {
            case KEY -> new KeyValue((List<?>) document.get(FIELD));
            case DOCUMENT -> document;
            case VALUE -> document.get(FIELD);
            default -> throw new IllegalStateException("not a value this store wrote: tag " + bytes[0]);
        };
    }
}
