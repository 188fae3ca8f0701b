package org.craftline.development.domain;

import java.math.BigDecimal;
import java.util.List;
import org.craftline.shared.Money;

/**
 * A project's ledger: per budget line what was planned, what was spent (net of reversals) and the
 * balance, the totals, and the spending per month with its running total.
 */
public record Ledger(ProjectView project, List<Line> lines, Totals totals, List<Month> months) {

    public record Line(
            long id,
            String category,
            String description,
            BigDecimal planned,
            BigDecimal spent,
            BigDecimal balance,
            boolean capacityBuilding) {

        public Line {
            planned = Money.of(planned);
            spent = Money.of(spent);
            balance = Money.of(balance);
        }

        public boolean overspent() {
            return balance.signum() < 0;
        }
    }

    /** Unallocated = awarded minus what the lines plan. */
    public record Totals(
            BigDecimal awarded,
            BigDecimal planned,
            BigDecimal spent,
            BigDecimal balance,
            BigDecimal unallocated,
            BigDecimal capacityBuildingSpent) {}

    /** A month such as {@code 2011-05}, its net spending and the running total to its end. */
    public record Month(String month, BigDecimal amount, BigDecimal cumulative) {}

    static Totals totals(BigDecimal awarded, List<Line> lines) {
        BigDecimal planned = Money.ZERO;
        BigDecimal spent = Money.ZERO;
        BigDecimal capacity = Money.ZERO;
        for (Line line : lines) {
            planned = planned.add(line.planned());
            spent = spent.add(line.spent());
            capacity = line.capacityBuilding() ? capacity.add(line.spent()) : capacity;
        }
        return new Totals(awarded, planned, spent, planned.subtract(spent), awarded.subtract(planned), capacity);
    }
}
