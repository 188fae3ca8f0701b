package org.craftline.students.domain;

import java.util.Optional;
import org.craftline.shared.Phones;
import org.craftline.shared.Text;

/**
 * The rules of a guardian, the same for the form, the API and every imported row: a name of at most
 * 50 characters, a known relation, a mobile phone as a student's (optional), a yes or no.
 */
final class GuardianRules {

    private GuardianRules() {}

    /** A guardian's values after every rule has passed. */
    record Valid(String name, GuardianRelation relation, String phone, boolean legalGuardian) {}

    interface Errors {
        void add(String field, String value, String messageKey);
    }

    /** The valid values, or null after naming each problem; {@code legalGuardian} null means not given. */
    static Valid check(String name, String relation, String phone, Boolean legalGuardian, Errors errors) {
        boolean ok = true;
        String n = Text.normalise(name);
        if (n == null || n.isBlank()) {
            errors.add("name", "", "import.row.required");
            ok = false;
        } else if (Text.longerThan(n, 50)) {
            errors.add("name", n, "guardian.name.length");
            ok = false;
        }
        Optional<GuardianRelation> r = GuardianRelation.parse(Text.normalise(relation));
        if (r.isEmpty()) {
            boolean blank = relation == null || relation.isBlank();
            errors.add("relation", blank ? "" : relation, blank ? "import.row.required" : "guardian.relation.invalid");
            ok = false;
        }
        String p = Phones.normalise(phone);
        if (!p.isEmpty() && Phones.problem(p).isPresent()) {
            errors.add("phone", Phones.mask(p), "phone.format");
            ok = false;
        }
        if (legalGuardian == null) {
            errors.add("legalGuardian", "", "import.row.required");
            ok = false;
        }
        return ok ? new Valid(n, r.get(), p.isEmpty() ? null : p, legalGuardian) : null;
    }
}
