package org.craftline.social.domain;

import java.time.LocalDate;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;
import org.craftline.shared.Text;
import org.springframework.util.StringUtils;

/**
 * The rules of a trainee and an enrolment, shared by the pages, the API and the import: the resident
 * ID number valid (gender and birth date derived from it), at least 16 years old on the cohort's
 * first day, attendance within the programme's hours, a completion date only for a completed
 * enrolment, an employer only for an employed trainee.
 */
final class TraineeRules {

    static final int MIN_AGE = 16;

    /** Where a rule reports a problem: the field, the value given and the message key. */
    interface Problems {
        void add(String field, String value, String messageKey);
    }

    record Person(
            String name,
            String idNumber,
            String gender,
            LocalDate birthDate,
            Household household,
            String township,
            String phone) {

        String idTail() {
            return idNumber.substring(idNumber.length() - 4);
        }
    }

    record Outcome(
            int attendanceHours,
            boolean completed,
            LocalDate completedOn,
            Boolean employed,
            String employer,
            Long enterpriseId,
            Boolean employedLocally,
            LocalDate recordedOn) {}

    private TraineeRules() {}

    /** The checked person, or null after reporting its problems. */
    static Person person(
            String name,
            String rawId,
            Household household,
            String township,
            String rawPhone,
            CohortRef cohort,
            Problems problems) {
        Counter p = new Counter(problems);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || Text.longerThan(cleanName, 50)) {
            p.add("name", cleanName, "trainee.name.invalid");
        }
        String id = ResidentIds.normalise(rawId);
        var idProblem = ResidentIds.problem(id);
        idProblem.ifPresent(key -> p.add("idNumber", ResidentIds.mask(id), key));
        if (idProblem.isEmpty() && ResidentIds.birthDate(id).plusYears(MIN_AGE).isAfter(cohort.startsOn())) {
            p.add("idNumber", ResidentIds.mask(id), "trainee.tooYoung");
        }
        if (household == null) {
            p.add("household", "", "trainee.household.invalid");
        }
        String town = township == null ? "" : township.strip();
        if (Text.longerThan(town, 50)) {
            p.add("township", town, "trainee.township.tooLong");
        }
        String phone = Phones.normalise(rawPhone);
        if (!phone.isEmpty() && Phones.problem(phone).isPresent()) {
            p.add("phone", Phones.mask(phone), "phone.format");
        }
        if (p.any) {
            return null;
        }
        return new Person(
                cleanName,
                id,
                ResidentIds.gender(id).name(),
                ResidentIds.birthDate(id),
                household,
                town.isEmpty() ? null : town,
                phone.isEmpty() ? null : phone);
    }

    /** The checked outcome, or null after reporting its problems. */
    static Outcome outcome(OutcomeForm f, CohortRef cohort, Problems problems) {
        Counter p = new Counter(problems);
        int hours = f.attendanceHours() == null ? 0 : f.attendanceHours();
        if (hours < 0) {
            p.add("attendanceHours", String.valueOf(hours), "enrolment.hours.invalid");
        } else if (hours > cohort.programmeHours()) {
            p.add("attendanceHours", String.valueOf(hours), "enrolment.hours.overProgramme");
        }
        boolean completed = Boolean.TRUE.equals(f.completed());
        if (f.completedOn() != null && !completed) {
            p.add("completedOn", f.completedOn().toString(), "enrolment.completedOn.notCompleted");
        } else if (f.completedOn() != null && f.completedOn().isBefore(cohort.startsOn())) {
            p.add("completedOn", f.completedOn().toString(), "enrolment.completedOn.beforeStart");
        }
        String employer = StringUtils.hasText(f.employer()) ? f.employer().strip() : null;
        boolean employed = Boolean.TRUE.equals(f.employed());
        if (!employed && (employer != null || f.enterpriseId() != null || f.employedLocally() != null)) {
            p.add("employer", employer == null ? "" : employer, "enrolment.employer.notEmployed");
        }
        if (employer != null && Text.longerThan(employer, 100)) {
            p.add("employer", employer, "enrolment.employer.tooLong");
        }
        if (p.any) {
            return null;
        }
        return new Outcome(
                hours,
                completed,
                completed ? f.completedOn() : null,
                f.employed(),
                employed ? employer : null,
                employed ? f.enterpriseId() : null,
                employed ? f.employedLocally() : null,
                f.employmentRecordedOn());
    }

    private static final class Counter implements Problems {
        private final Problems target;
        private boolean any;

        Counter(Problems target) {
            this.target = target;
        }

        @Override
        public void add(String field, String value, String messageKey) {
            target.add(field, value, messageKey);
            any = true;
        }
    }
}
