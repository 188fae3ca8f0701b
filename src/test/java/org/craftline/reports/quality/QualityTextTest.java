package org.craftline.reports.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.craftline.reports.quality.Report.Value;
import org.craftline.reports.support.TableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** How the report writes its figures and names its sheets. */
class QualityTextTest {

    final StaticMessageSource messages = new StaticMessageSource();
    final QualityText text = new QualityText(messages, Locale.SIMPLIFIED_CHINESE);

    QualityTextTest() {
        messages.addMessage("quality.value.yuan", Locale.SIMPLIFIED_CHINESE, "{0} 元");
        messages.addMessage("quality.value.area", Locale.SIMPLIFIED_CHINESE, "{0} 平方米");
        messages.addMessage("quality.value.none", Locale.SIMPLIFIED_CHINESE, "—");
    }

    @Test
    void ratesArePercentagesWithOneDecimalRoundedHalfUp() {
        assertThat(text.format(Value.rate(new BigDecimal("0.9273")))).isEqualTo("92.7%");
        assertThat(text.format(Value.rate(new BigDecimal("0.9035")))).isEqualTo("90.4%");
        assertThat(text.format(Value.rate(new BigDecimal("1.0000")))).isEqualTo("100.0%");
        assertThat(text.format(Value.rate(BigDecimal.ZERO))).isEqualTo("0.0%");
    }

    @Test
    void moneyHasThousandsSeparatorsAndBothPlaces() {
        assertThat(text.format(Value.yuan(new BigDecimal("4600000.00")))).isEqualTo("4,600,000.00 元");
        assertThat(text.format(Value.yuan(new BigDecimal("1812.5")))).isEqualTo("1,812.50 元");
        assertThat(text.format(Value.count(28400L))).isEqualTo("28,400");
        assertThat(text.format(Value.year(2026))).isEqualTo("2026");
    }

    /** A rate without a denominator is undefined, which is not the same as 0. */
    @Test
    void undefinedIsShownAsSuchNeverAsZero() {
        assertThat(text.format(Value.rate(null))).isEqualTo("—");
        assertThat(text.format(Value.yuan(null))).isEqualTo("—");
        assertThat(Report.share(3, 0)).isNull();
        assertThat(Report.share(1, 3)).isEqualByComparingTo("0.3333");
    }

    @Test
    void namesFromTheRecordsUseTheEnglishFormOnlyInEnglish() {
        Value group = Value.text("镇平县玉雕职业教育集团", "Zhenping Jade Carving Vocational Education Group");
        assertThat(text.format(group)).isEqualTo("镇平县玉雕职业教育集团");
        assertThat(new QualityText(messages, Locale.ENGLISH).format(group)).startsWith("Zhenping");
        assertThat(new QualityText(messages, Locale.ENGLISH).format(Value.text("河南省教育厅")))
                .isEqualTo("河南省教育厅");
    }

    @Test
    void sheetNamesAreShortUniqueAndFreeOfForbiddenCharacters() {
        Set<String> taken = new HashSet<>();
        assertThat(TableWorkbook.sheetName("4 School-enterprise cooperation", taken))
                .isEqualTo("4 School-enterprise cooperation");
        String long1 = TableWorkbook.sheetName("6 Funds: planned/spent [all projects]? *net*", taken);
        assertThat(long1).hasSizeLessThanOrEqualTo(31).startsWith("6 Funds");
        String again = TableWorkbook.sheetName("6 Funds: planned/spent [all projects]? *net*", taken);
        assertThat(again).isNotEqualTo(long1).hasSizeLessThanOrEqualTo(31).endsWith("(2)");
        for (String name : List.of(long1, again)) {
            assertThat(name).doesNotContain("[", "]", ":", "*", "?", "/", "\\");
        }
    }

    @Test
    void periodsShowOneYearOrARange() {
        assertThat(QualitySections.period(2012, null)).isEqualTo("2012");
        assertThat(QualitySections.period(2012, 2012)).isEqualTo("2012");
        assertThat(QualitySections.period(2010, 2012)).isEqualTo("2010–2012");
    }
}
