package org.craftline.platform;

import java.util.Optional;

/** Finds the student record a {@code STUDENT} user is bound to, implemented by the students module. */
public interface StudentDirectory {

    Optional<Long> studentId(long schoolId, String studentNumber);
}
