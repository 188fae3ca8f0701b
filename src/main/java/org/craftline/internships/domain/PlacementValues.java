package org.craftline.internships.domain;

import java.time.LocalDate;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Phones;

/** The values of a placement no rule is needed for: periods that run forwards within sane years, a mobile phone. */
final class PlacementValues {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private PlacementValues() {}

    /** Checks the dates and the mentor's phone; returns the phone as kept. */
    static String check(PlacementForm f) {
        var dates = new java.util.LinkedHashMap<String, LocalDate>();
        dates.put("startsOn", f.startsOn());
        dates.put("endsOn", f.endsOn());
        dates.put("insuredFrom", f.insuredFrom());
        dates.put("insuredTo", f.insuredTo());
        if (f.agreementEndsOn() != null) {
            dates.put("agreementEndsOn", f.agreementEndsOn());
        }
        dates.forEach((field, date) -> {
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new InvalidFieldException(field, "internship.date.range");
            }
        });
        if (f.endsOn().isBefore(f.startsOn())) {
            throw new InvalidFieldException("endsOn", "internship.period.backwards");
        }
        if (f.insuredTo().isBefore(f.insuredFrom())) {
            throw new InvalidFieldException("insuredTo", "internship.insurance.period");
        }
        String phone = Phones.normalise(f.mentorPhone());
        Phones.problem(phone).ifPresent(key -> {
            throw new InvalidFieldException("mentorPhone", key);
        });
        return phone;
    }
}
