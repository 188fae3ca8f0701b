package org.craftline.shared;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A save made from an older version of a record than the stored one: someone changed it since the
 * form or the API read it. Nothing is saved; the answer says who changed what, and when.
 */
public class StaleEditException extends ConflictException {

    /** One save of the record since the version the refused save was made from. */
    public record Change(String username, OffsetDateTime at, List<String> fields) {}

    private final int currentVersion;
    private final List<Change> changes;

    public StaleEditException(int currentVersion, List<Change> changes) {
        super(
                "edit.stale",
                "version",
                "changed since it was read",
                changes.isEmpty() ? "?" : changes.get(0).username(),
                changes.isEmpty()
                        ? "?"
                        : changes.get(0)
                                .at()
                                .toLocalDateTime()
                                .withNano(0)
                                .toString()
                                .replace('T', ' '),
                String.join(
                        ", ",
                        changes.stream()
                                .flatMap(c -> c.fields().stream())
                                .distinct()
                                .toList()));
        this.currentVersion = currentVersion;
        this.changes = List.copyOf(changes);
    }

    /** The stored version: a save made from it would be taken. */
    public int currentVersion() {
        return currentVersion;
    }

    /** The saves since, newest first. */
    public List<Change> changes() {
        return changes;
    }
}
