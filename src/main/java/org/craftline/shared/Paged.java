package org.craftline.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list together with the total count, as shown by every list page and API. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
