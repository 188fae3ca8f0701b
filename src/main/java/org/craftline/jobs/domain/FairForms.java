package org.craftline.jobs.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** What the fair's forms and API bodies carry. */
public final class FairForms {

    private FairForms() {}

    /**
     * A fair as the school plans it; {@code status} is PLANNED for a new one when not given,
     * {@code version} the one the form was opened with (none for a new fair).
     */
    public record FairForm(
            @Size(max = 10) String schoolCode,
            @NotBlank @Size(max = 100) String name,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate heldOn,

            @NotBlank @Size(max = 200) String place,
            FairStatus status,
            Integer version) {

        public static FairForm empty(LocalDate day) {
            return new FairForm(null, null, day, null, FairStatus.PLANNED, null);
        }
    }

    /** A registry unit at its booth, with the postings of that unit it brings. */
    public record FairUnitForm(
            @NotNull Long enterpriseId,
            @NotBlank @Size(max = 20) String booth,
            @Size(max = 50) List<Long> postingIds) {}

    /** The school marks whether a student of its own was at the fair (a walk-in is registered by it). */
    public record FairAttendanceForm(
            @NotBlank @Size(max = 30) String studentNumber, Boolean attended) {}

    /**
     * An offer a unit made at the fair. {@code enterpriseId} names the unit for the school; an
     * enterprise user's offers are its own unit's whatever it names.
     */
    public record FairOfferForm(
            Long enterpriseId,
            @NotBlank @Size(max = 30) String studentNumber,
            @NotNull Long postingId,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate offeredOn) {}
}
