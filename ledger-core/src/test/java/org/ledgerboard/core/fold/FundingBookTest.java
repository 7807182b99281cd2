package org.ledgerboard.core.fold;

import org.junit.jupiter.api.Test;
import org.ledgerboard.core.event.CompetitionLaunched;
import org.ledgerboard.core.event.FundingDisbursed;
import org.ledgerboard.core.event.FundingGranted;
import org.ledgerboard.core.event.FundingRevoked;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One fold of a competition's money, in one vocabulary: granted, disbursed, revoked, committed, remaining. */
class FundingBookTest {
    private static final String C = "c";
    private final FundingBook book = new FundingBook();

    private static BigDecimal d(String amount) {
        return new BigDecimal(amount);
    }

    private void grant(String grantId, String team, String resource, String amount) {
        book.apply(new FundingGranted(C, grantId, team, resource, d(amount), 1));
    }

    @Test
    void committedIsGrantedLessRevokedAndRemainingIsWhatIsStillToBePaidOut() {
        book.apply(new CompetitionLaunched(C, "cup", "org", Map.of("GPU_HOURS", d("1000")), 1));
        grant("g1", "upstage", "GPU_HOURS", "400");
        grant("g2", "lg", "GPU_HOURS", "300");
        book.apply(new FundingDisbursed(C, "g1", "d1", d("100")));
        book.apply(new FundingRevoked(C, "g1", d("300"), "elimination"));

        FundingBook.Amounts gpu = book.total("GPU_HOURS");
        assertThat(gpu.granted()).isEqualByComparingTo("700");
        assertThat(gpu.disbursed()).isEqualByComparingTo("100");
        assertThat(gpu.revoked()).isEqualByComparingTo("300");
        assertThat(gpu.committed()).isEqualByComparingTo("400");
        assertThat(gpu.remaining()).isEqualByComparingTo("300");
        assertThat(book.remaining("g1")).isEqualByComparingTo("0");
        assertThat(book.teams().get("lg").get("GPU_HOURS").remaining()).isEqualByComparingTo("300");
        assertThat(book.budget("GPU_HOURS")).isEqualByComparingTo("1000");
    }

    @Test
    void aTeamsGrantsAreKeptInTheOrderGranted() {
        grant("g2", "upstage", "KRW", "1");
        grant("g1", "upstage", "GPU_HOURS", "2");
        grant("g3", "lg", "KRW", "3");

        assertThat(book.grantsOf("upstage")).extracting(FundingBook.Grant::grantId).containsExactly("g2", "g1");
        assertThat(book.grantsOf("nobody")).isEmpty();
    }

    @Test
    void aDisbursementRecordedBeforeItsGrantCountsOnceTheGrantIsRecorded() {
        book.apply(new FundingDisbursed(C, "g1", "d1", d("40")));
        assertThat(book.total("KRW").disbursed()).isEqualByComparingTo("0");

        grant("g1", "upstage", "KRW", "100");

        assertThat(book.remaining("g1")).isEqualByComparingTo("60");
        assertThat(book.total("KRW").disbursed()).isEqualByComparingTo("40");
    }

    @Test
    void aGrantIdRecordedTwiceCountsAsItsLaterGrantOnly() {
        grant("g1", "upstage", "KRW", "100");
        book.apply(new FundingDisbursed(C, "g1", "d1", d("10")));
        grant("g1", "lg", "GPU_HOURS", "50");

        assertThat(book.total("KRW").granted()).isEqualByComparingTo("0");
        assertThat(book.total("GPU_HOURS").granted()).isEqualByComparingTo("50");
        assertThat(book.remaining("g1")).isEqualByComparingTo("40");
        assertThat(book.grantsOf("upstage")).isEmpty();
        assertThat(book.grants()).hasSize(1);
    }

    @Test
    void aGrantRecordedAgainKeepsWhatWasPaidBeforeAndAfterTheFirstRecord() {
        book.apply(new FundingDisbursed(C, "g1", "d1", d("10")));
        grant("g1", "upstage", "KRW", "100");
        book.apply(new FundingDisbursed(C, "g1", "d2", d("20")));
        grant("g1", "upstage", "KRW", "50");

        assertThat(book.remaining("g1")).isEqualByComparingTo("20");
        assertThat(book.total("KRW").disbursed()).isEqualByComparingTo("30");
        assertThat(book.total("KRW").granted()).isEqualByComparingTo("50");
    }

    @Test
    void sumsKeepTheValueAndScaleThatAddingGives() {
        String[] amounts = {"0", "0.00", "5", "5.00", "1.5", "-2.25", "0.0"};
        for (String a : amounts) {
            for (String b : amounts) {
                BigDecimal x = new BigDecimal(a);
                BigDecimal y = new BigDecimal(b);

                FundingBook.Amounts sum = new FundingBook.Amounts(x, y, BigDecimal.ZERO)
                        .plus(new FundingBook.Amounts(y, x, y));

                assertThat(sum.granted().toPlainString()).isEqualTo(x.add(y).toPlainString());
                assertThat(sum.disbursed().toPlainString()).isEqualTo(y.add(x).toPlainString());
                assertThat(sum.revoked().toPlainString()).isEqualTo(BigDecimal.ZERO.add(y).toPlainString());
            }
        }
    }
}
