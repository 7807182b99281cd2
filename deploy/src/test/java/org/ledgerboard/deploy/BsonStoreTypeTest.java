package org.ledgerboard.deploy;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BsonStoreTypeTest {
    private static final BsonStoreType TYPE = BsonStoreType.INSTANCE;

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
}
