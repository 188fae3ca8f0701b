package org.craftline.internships.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * When the record of a placement may be kept. A weekly log is written while the placement runs: in
 * progress, or still planned once its start date has come (the school may not yet have moved its
 * status), for a week (its Monday) from the start's week to the end date, never a week still to
 * come. The evaluation is filed once the placement ended (or ended early), or is in progress on or
 * after its end date (the school has not yet closed it).
 */
final class Stages {

    private Stages() {}

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static boolean logsOpen(InternshipStatus status, LocalDate startsOn, LocalDate today) {
        return status == InternshipStatus.IN_PROGRESS
                || (status == InternshipStatus.PLANNED && !today.isBefore(startsOn));
    }

    /** The message key of what is wrong with the week, or null when a log may be written for it. */
    static String weekProblem(LocalDate weekOf, LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        if (weekOf.getDayOfWeek() != DayOfWeek.MONDAY) {
            return "internship.log.week.monday";
        }
        if (weekOf.isBefore(mondayOf(startsOn)) || weekOf.isAfter(endsOn)) {
            return "internship.log.week.outside";
        }
        return weekOf.isAfter(mondayOf(today)) ? "internship.log.week.future" : null;
    }

    static boolean evaluationOpen(InternshipStatus status, LocalDate endsOn, LocalDate today) {
        return status == InternshipStatus.ENDED
                || status == InternshipStatus.ENDED_EARLY
                || (status == InternshipStatus.IN_PROGRESS && !today.isBefore(endsOn));
    }
}
