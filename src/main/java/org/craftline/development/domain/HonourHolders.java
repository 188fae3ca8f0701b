package org.craftline.development.domain;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.StudentDirectory;
import org.craftline.shared.InvalidFieldException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Finds the person an honour belongs to by student or staff number within the school. */
@Component
class HonourHolders {

    record Holder(Long studentId, Long staffId) {}

    private final StudentDirectory students;
    private final OrganisationApi organisation;

    HonourHolders(StudentDirectory students, OrganisationApi organisation) {
        this.students = students;
        this.organisation = organisation;
    }

    Holder resolve(long schoolId, String studentNumber, String staffNumber) {
        boolean student = StringUtils.hasText(studentNumber);
        boolean staff = StringUtils.hasText(staffNumber);
        if (student && staff) {
            throw new InvalidFieldException("staffNumber", "honour.holder.both");
        }
        if (student) {
            return new Holder(
                    students.studentId(schoolId, studentNumber.strip())
                            .orElseThrow(() -> new InvalidFieldException("studentNumber", "honour.student.unknown")),
                    null);
        }
        if (staff) {
            return new Holder(
                    null,
                    organisation
                            .staffId(schoolId, staffNumber.strip())
                            .orElseThrow(() -> new InvalidFieldException("staffNumber", "honour.staff.unknown")));
        }
        return new Holder(null, null);
    }
}
