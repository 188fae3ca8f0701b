package org.craftline.students.domain;

import jakarta.validation.constraints.Size;

/**
 * A guardian as a form or an API body gives it, checked by the same rules as an imported row. The
 * relation is its name (FATHER) or label (父亲); a masked phone (with *) on an edit keeps the stored
 * one; no legal-guardian answer means no.
 */
public record GuardianForm(
        @Size(max = 50) String name,
        @Size(max = 20) String relation,
        @Size(max = 20) String phone,
        Boolean legalGuardian,
        Integer version) {

    public static GuardianForm empty() {
        return new GuardianForm("", "", "", false, null);
    }

    public static GuardianForm of(GuardianView g) {
        return new GuardianForm(g.name(), g.relation(), g.phone(), g.legalGuardian(), g.version());
    }
}
