package org.craftline.reports.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Set;

/** How reports write an indicator: rates as percentages with one decimal, amounts and counts with separators. */
public final class Figures {

    /** The indicators that are rates between 0 and 1. */
    public static final Set<String> RATES = Set.of(
            "employment_rate",
            "matched_employment_rate",
            "local_employment_share",
            "certificate_rate",
            "practical_training_rate",
            "dual_qualified_teacher_share",
            "capacity_building_share",
            "training_completion_rate",
            "labour_transfer_rate",
            "internship_rate",
            "internship_insured_rate",
            "internship_agreement_rate",
            "matched_internship_rate",
            "log_submission_rate",
            "internship_pass_rate",
            "school_hire_share");

    private Figures() {}

    /** The text of a value ("" when undefined: the caller shows its own mark). */
    public static String format(String indicator, Number value) {
        if (value == null) {
            return "";
        }
        return RATES.contains(indicator) ? percentText(value) : number(value);
    }

    /** A rate in percent, one decimal: 0.90345 -> 90.3. */
    public static BigDecimal percent(Number rate) {
        return decimal(rate).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    /** A rate as text: 0.90345 -> "90.3%". */
    public static String percentText(Number rate) {
        return percent(rate).toPlainString() + "%";
    }

    /** A count or an amount with thousands separators, keeping the amount's decimals. */
    public static String number(Number value) {
        BigDecimal d = decimal(value);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, d.scale()));
        format.setMaximumFractionDigits(Math.max(0, d.scale()));
        return format.format(d);
    }

    /** The value a chart plots: rates in percent, the rest as they are. */
    public static Number plotted(String indicator, Number value) {
        return value == null ? null : RATES.contains(indicator) ? percent(value) : value;
    }

    /** Part / whole rounded to four places, as the indicators round their rates; null without a whole. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }
}
