package org.craftline.platform;

import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * The schools whose records a user may read, and whether it may change them. Every query of
 * school-owned data adds {@link #sql(String)} to its WHERE clause and binds {@link #params()}.
 */
public record Scope(boolean unrestricted, Set<Long> schoolIds, boolean readOnly) {

    public static final String PARAM = "scopeSchools";

    public static Scope everything() {
        return new Scope(true, Set.of(), false);
    }

    public static Scope nothing() {
        return new Scope(false, Set.of(), true);
    }

    /** A condition on the given school id column, e.g. {@code sql("c.school_id")}. */
    public String sql(String schoolIdColumn) {
        if (unrestricted) {
            return "1 = 1";
        }
        return schoolIds.isEmpty() ? "1 = 0" : schoolIdColumn + " IN (:" + PARAM + ")";
    }

    public Map<String, Object> params() {
        return schoolIds.isEmpty() ? Map.of() : Map.of(PARAM, schoolIds);
    }

    public boolean canRead(long schoolId) {
        return unrestricted || schoolIds.contains(schoolId);
    }

    public boolean canWrite(long schoolId) {
        return !readOnly && canRead(schoolId);
    }

    /** Refuses a change to a school's records outside the scope or by a read-only user. */
    public void checkWrite(long schoolId) {
        if (!canWrite(schoolId)) {
            throw new AccessDeniedException("no write access to school " + schoolId);
        }
    }

    /** Refuses changes to shared records (regions, schools, the catalogue) to all but the operator. */
    public void checkWriteShared() {
        if (!unrestricted || readOnly) {
            throw new AccessDeniedException("only the system administrator changes shared records");
        }
    }
}
