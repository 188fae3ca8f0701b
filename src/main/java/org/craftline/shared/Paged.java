package org.craftline.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list together with its total, as shown by every list page and API. The total is
 * exact when {@code totalExact}, otherwise the planner's estimate of a long list ("about N", see
 * {@link ListTotals}). {@code nextAfter}, on lists read by keyset, is the id to pass as
 * {@code after} for the next page, or null on the last page.
 */
public record Paged<T>(List<T> items, int page, int size, long total, boolean totalExact, Long nextAfter) {

    /** A page with an exact total and no keyset (lists held in memory, tests). */
    public Paged(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true, null);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /**
     * Whether the previous page is reached by its number: on a page deeper than the rows an OFFSET
     * may skip ({@link ListTotals#COUNT_CAP}) the pager offers the first page instead.
     */
    public boolean previousByOffset() {
        return page <= 1 || (long) (page - 2) * size <= ListTotals.COUNT_CAP;
    }

    public boolean hasNext() {
        return nextAfter != null || page < totalPages();
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total, totalExact, nextAfter);
    }
}
