package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BsonStoreTypeTest {
    private static final BsonStoreType TYPE = BsonStoreType.KEYS;

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

        assertThat(written(TYPE, key)).isEqualTo(written(BsonStoreType.VALUES, key));
    }

    @Test
    void aDocumentChangedInPlaceIsWrittenAsItIsNow() {
        Document document = new Document("_id", "evt-1").append("status", "pending");
        written(BsonStoreType.VALUES, document);

        document.put("status", "answered");

        assertThat(BsonStoreType.decode(written(BsonStoreType.VALUES, document)))
                .isEqualTo(new Document("_id", "evt-1").append("status", "answered"));
    }

    private static byte[] written(BsonStoreType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] encoded = new byte[DataUtils.readVarInt(bytes)];
        bytes.get(encoded);
        return encoded;
    }
}
