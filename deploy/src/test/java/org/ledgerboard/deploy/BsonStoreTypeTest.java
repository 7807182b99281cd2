package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BsonStoreTypeTest {
    private static final BsonStoreType TYPE = BsonStoreType.BSON;

    @Test
    void aKeyIsFoundWhereTheByteOrderPutsItAndAMissingOneWhereItWouldGo() {
        Random random = new Random(42);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(switch (i % 4) {
                case 0 -> "id-" + random.nextInt(100_000) + "-한국";
                case 1 -> random.nextLong();
                case 2 -> new KeyValue(List.of("c-" + random.nextInt(50), (long) random.nextInt(1_000)));
                default -> random.nextInt(10_000);
            });
        }
        keys.add(Missing.getInstance());
        List<Object> sorted = keys.stream().distinct().sorted(TYPE::compare).toList();
        Object[] page = sorted.toArray();

        for (int i = 0; i < page.length; i++) {
            for (int guess : new int[] {0, i + 1, page.length, 17}) {
                assertThat(TYPE.binarySearch(page[i], page, page.length, guess)).isEqualTo(i);
            }
        }
        for (int i = 0; i < 200; i++) {
            Object absent = "absent-" + random.nextInt();
            int insertAt = (int) sorted.stream().filter(k -> TYPE.compare(k, absent) < 0).count();
            assertThat(TYPE.binarySearch(absent, page, page.length, random.nextInt(page.length)))
                    .isEqualTo(~insertAt);
        }
    }

    @Test
    void aKeyIsWrittenAsItsValueIs() {
        KeyValue key = new KeyValue(List.of("c-1", 42L));

        TYPE.binarySearch(key, new Object[] {key}, 1, 0); // remembered by a search first

        assertThat(written(key)).isEqualTo(BsonStoreType.encode(key));
    }

    @Test
    void idsPositionsAndIndexKeysAreEncodedByteForByteAsTheBsonEncoderDoes() {
        Random random = new Random(8785);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            values.add(scalar(random, i));
            List<Object> parts = new ArrayList<>();
            for (int part = 0; part <= i % 10; part++) {
                parts.add(scalar(random, i + part));
            }
            values.add(new KeyValue(parts));
        }

        for (Object value : values) {
            assertThat(BsonStoreType.encode(value)).as("%s", value).isEqualTo(BsonStoreType.encodeGenerally(value));
        }
    }

    @Test
    void anyOtherValueIsEncodedTheGeneralWay() {
        Document document = new Document("_id", "evt-1").append("n", 1.5);
        KeyValue withMissing = new KeyValue(List.of("c-1", Missing.getInstance()));
        KeyValue eleven = new KeyValue(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));

        for (Object value : List.of(document, withMissing, eleven, Missing.getInstance(), true)) {
            assertThat(BsonStoreType.encode(value)).as("%s", value).isEqualTo(BsonStoreType.encodeGenerally(value));
        }
    }

    private static Object scalar(Random random, int kind) {
        return switch (kind % 7) {
            case 0 -> "id-" + random.nextInt() + (random.nextBoolean() ? "-한국" : "");
            case 1 -> random.nextLong();
            case 2 -> random.nextInt();
            case 3 -> new ObjectId();
            case 4 -> (double) random.nextInt(100_000); // a unique index's form of a sequence number
            case 5 -> random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(600) - 300)
                    : List.of(Double.NaN, -0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE).get(random.nextInt(4));
            default -> "";
        };
    }

    private static byte[] written(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        TYPE.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] encoded = new byte[DataUtils.readVarInt(bytes)];
        bytes.get(encoded);
        return encoded;
    }
}
