package org.ledgerboard.core.canonical;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts and scores are plain decimal strings: one grammar, so every reader sees the same number. */
class DecimalsTest {
    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    @Test
    void aPlainDecimalIsReadExactly() {
        assertThat(Decimals.parse("-1200000000.050", "amount")).isEqualTo(new BigDecimal("-1200000000.050"));
    }

    @Test
    void anyOtherNotationIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Decimals.parse("1e9", "amount"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'amount'");
    }

    @Test
    void theCheckAcceptsExactlyWhatThePlainGrammarDescribes() {
        Random random = new Random(8785);
        String alphabet = "0123456789.-+e ";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(7); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(Decimals.isPlain(candidate)).as("'%s'", candidate)
                    .isEqualTo(PLAIN.matcher(candidate).matches());
        }
    }
}
