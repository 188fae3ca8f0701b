package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void sumsOfDecimalYuanAreExact() {
        BigDecimal sum = Money.of(new BigDecimal("0.1")).add(Money.of(new BigDecimal("0.2")));
        assertThat(sum).isEqualTo(new BigDecimal("0.30"));
        assertThat(0.1 + 0.2).isNotEqualTo(0.3); // why amounts are never doubles
        assertThat(Money.of(null)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aSpreadsheetAmountIsPositiveWithAtMostTwoPlaces() {
        assertThat(Money.parsePositive("1,234.5")).contains(new BigDecimal("1234.50"));
        assertThat(Money.parsePositive("¥800")).contains(new BigDecimal("800.00"));
        assertThat(Money.parsePositive("￥12，800.00")).contains(new BigDecimal("12800.00"));
        assertThat(Money.parsePositive("0.001")).isEmpty();
        assertThat(Money.parsePositive("0")).isEmpty();
        assertThat(Money.parsePositive("-5")).isEmpty();
        assertThat(Money.parsePositive("1e3")).isEmpty();
        assertThat(Money.parsePositive("十元")).isEmpty();
        assertThat(Money.parsePositive("1000000000000")).isEmpty();
    }
}
