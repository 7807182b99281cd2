package org.ledgerboard.core.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdTableTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_new_id_is_added_and_then_found() {
        IdTable table = new IdTable(2);
        assertThat(table.contains(bytes("e1"))).isFalse();

        assertThat(table.putIfAbsent(bytes("e1"), new byte[]{1, 2})).isEqualTo(-1);

        assertThat(table.contains(bytes("e1"))).isTrue();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void an_id_added_again_keeps_its_first_value_and_says_which_it_is() {
        IdTable table = new IdTable(2);
        table.putIfAbsent(bytes("e1"), new byte[]{1, 2});

        int known = table.putIfAbsent(bytes("e1"), new byte[]{3, 4});

        assertThat(known).isNotNegative();
        assertThat(table.valueEquals(known, new byte[]{1, 2})).isTrue();
        assertThat(table.valueEquals(known, new byte[]{3, 4})).isFalse();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void ids_that_are_prefixes_of_one_another_are_distinct() {
        IdTable table = new IdTable(0);
        for (String id : new String[]{"", "a", "ab", "abc", "b"}) {
            assertThat(table.putIfAbsent(bytes(id), new byte[0])).as(id).isEqualTo(-1);
        }
        assertThat(table.contains(bytes("abcd"))).isFalse();
        assertThat(table.size()).isEqualTo(5);
    }

    @Test
    void keys_of_several_parts_differ_where_their_parts_do() {
        assertThat(IdTable.key("a", "bc")).isNotEqualTo(IdTable.key("ab", "c"));
        assertThat(IdTable.key("a", "")).isNotEqualTo(IdTable.key("a"));
        assertThat(IdTable.key("한", "팀")).isEqualTo(IdTable.key("한", "팀"));
    }

    @Test
    void a_value_of_another_length_is_refused() {
        IdTable table = new IdTable(32);

        assertThatThrownBy(() -> table.putIfAbsent(bytes("e1"), new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }

    @Test
    void a_hundred_thousand_ids_keep_their_values_as_a_map_would() {
        IdTable table = new IdTable(8);
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String id = "event-" + random.nextInt(60_000);
            long value = random.nextLong();
            int known = table.putIfAbsent(bytes(id), longBytes(value));
            Long first = expected.putIfAbsent(id, value);
            assertThat(known >= 0).as(id).isEqualTo(first != null);
            if (first != null) {
                assertThat(table.valueEquals(known, longBytes(first))).as(id).isTrue();
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((id, value) -> assertThat(table.contains(bytes(id))).as(id).isTrue());
        assertThat(table.contains(bytes("event-60000"))).isFalse();
    }

    private static byte[] longBytes(long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return b;
    }
}
