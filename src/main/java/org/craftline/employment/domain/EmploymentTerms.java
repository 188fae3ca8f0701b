package org.craftline.employment.domain;

import org.craftline.enterprises.Industry;
import org.craftline.shared.InvalidFieldException;

/**
 * What the ministry's statistics ask of a directly employed graduate beyond the employer: the
 * channel, the sector, the monthly pay band, a labour contract, social insurance, and whether the
 * job is abroad (境外; with the county's local flag it gives 本地 / 异地 / 境外). Each may be unknown
 * (null); none applies to further study, military service or no job.
 */
public record EmploymentTerms(
        Channel channel, Sector sector, PayBand payBand, Boolean contract, Boolean insured, Boolean abroad) {

    public static final EmploymentTerms NONE = new EmploymentTerms(null, null, null, null, null, false);

    /**
     * The terms as recorded for a destination of the kind at a unit of the registry (its industry, or
     * null for an employer outside it): the sector follows a crafts unit's industry; a channel and a
     * contract need an employer; a unit of the registry is not abroad.
     */
    EmploymentTerms checked(DestinationKind kind, Industry unitIndustry, boolean registryUnit) {
        if (!kind.directlyEmployed()) {
            refuseIf(channel != null, "channel");
            refuseIf(sector != null, "sector");
            refuseIf(payBand != null, "payBand");
            refuseIf(contract != null, "contract");
            refuseIf(insured != null, "insured");
            refuseIf(Boolean.TRUE.equals(abroad), "abroad");
            return NONE;
        }
        if (kind == DestinationKind.SELF_EMPLOYED) {
            refuseIf(channel != null, "channel");
            refuseIf(contract != null, "contract");
        }
        if (registryUnit && Boolean.TRUE.equals(abroad)) {
            throw new InvalidFieldException("terms.abroad", "destination.terms.abroadRegistry");
        }
        Sector implied = unitIndustry == null ? null : Sector.of(unitIndustry);
        if (implied != null && sector != null && sector != implied) {
            throw new InvalidFieldException("terms.sector", "destination.terms.sectorOfUnit");
        }
        return new EmploymentTerms(
                channel, implied != null ? implied : sector, payBand, contract, insured, Boolean.TRUE.equals(abroad));
    }

    private static void refuseIf(boolean given, String field) {
        if (given) {
            throw new InvalidFieldException("terms." + field, "destination.terms.notEmployed");
        }
    }
}
