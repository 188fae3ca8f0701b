package org.craftline.jobs.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the fair's pages and API show. */
public final class FairViews {

    private FairViews() {}

    public record FairView(
            long id,
            String schoolCode,
            String schoolName,
            String name,
            LocalDate heldOn,
            String place,
            FairStatus status,
            int version) {

        /** The fields a change is audited with. */
        Object audited() {
            return java.util.Map.of("name", name, "heldOn", heldOn, "place", place, "status", status);
        }
    }

    /** The fair's figures: units, their postings and places, registrations, attendance, offers. */
    public record FairFigures(long units, long postings, long places, long registrations, long attended, long offers) {}

    public record FairPosting(long postingId, String position, String kind, int headcount, String town) {}

    public record FairUnit(long enterpriseId, String enterpriseName, String booth, List<FairPosting> postings) {}

    public record FairRegistration(
            String studentNumber,
            String studentName,
            String className,
            boolean registered,
            OffsetDateTime registeredAt,
            boolean attended) {}

    public record FairOffer(
            long id,
            long enterpriseId,
            String enterpriseName,
            String booth,
            String studentNumber,
            String studentName,
            long postingId,
            String position,
            LocalDate offeredOn,
            boolean applicationOffered) {

        FairOffer withoutStudentNumber() {
            return new FairOffer(
                    id,
                    enterpriseId,
                    enterpriseName,
                    booth,
                    null,
                    studentName,
                    postingId,
                    position,
                    offeredOn,
                    applicationOffered);
        }
    }

    /** The fair with what the user may see of it. */
    public record FairDetail(
            FairView fair,
            FairFigures figures,
            List<FairUnit> units,
            List<FairOffer> offers,
            FairRegistration ownRegistration) {}
}
