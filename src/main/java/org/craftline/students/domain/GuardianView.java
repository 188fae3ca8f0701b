package org.craftline.students.domain;

import org.craftline.shared.Phones;

/** A student's guardian as pages and the API show it; {@link #masked()} hides the phone. */
public record GuardianView(
        long id, long studentId, String name, String relation, String phone, boolean legalGuardian, int version) {

    public GuardianView masked() {
        return new GuardianView(id, studentId, name, relation, Phones.mask(phone), legalGuardian, version);
    }
}
