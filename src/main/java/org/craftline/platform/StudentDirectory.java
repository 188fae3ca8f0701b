package org.craftline.platform;

import java.util.List;
import java.util.Optional;

/** Finds the student record a {@code STUDENT} user is bound to, implemented by the students module. */
public interface StudentDirectory {

    Optional<Long> studentId(long schoolId, String studentNumber);

    /** A graduate of a school, for creating its account. */
    record Graduate(long id, String studentNumber, String name) {}

    /** The graduates of a school's graduation year (status graduated), by number; at most {@code limit}. */
    List<Graduate> graduates(long schoolId, int year, int limit);
}
