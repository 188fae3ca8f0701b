package org.craftline.shared;

/**
 * A requested page of a list: 1-based page number and page size, clamped to sane bounds. A page
 * beyond the last one is refused ({@link #checkWithin}) rather than answered empty, and no page
 * number can overflow the offset. On a list read by keyset, {@code after} is the id of the last
 * row of the previous page (its {@link Paged#nextAfter()}); {@code page} then only numbers the page.
 */
public record PageQuery(int page, int size, Long after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Beyond any list Craftline holds at the largest page size; keeps the offset far from overflow. */
    public static final int MAX_PAGE = 10_000_000;

    public PageQuery {
        page = Math.max(1, page);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public PageQuery(int page, int size) {
        this(page, size, null);
    }

    public static PageQuery of(Integer page, Integer size) {
        return of(page, size, null);
    }

    public static PageQuery of(Integer page, Integer size, Long after) {
        if (page != null && page > MAX_PAGE) {
            throw new InvalidFieldException("page", "page.beyondLast");
        }
        return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size, after);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** Refuses a page after the last of a list of {@code total} items (page 1 is always there). */
    public void checkWithin(long total) {
        if (page > 1 && offset() >= total) {
            throw new InvalidFieldException("page", "page.beyondLast");
        }
    }
}
