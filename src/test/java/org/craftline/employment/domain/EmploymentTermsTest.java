package org.craftline.employment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.craftline.enterprises.Industry;
import org.craftline.shared.InvalidFieldException;
import org.junit.jupiter.api.Test;

class EmploymentTermsTest {

    static final EmploymentTerms FULL = new EmploymentTerms(Channel.AGENCY, null, PayBand.TO_4000, true, true, false);

    @Test
    void aCraftsUnitGivesTheSecondarySectorAndRefusesAnother() {
        assertThat(FULL.checked(DestinationKind.EMPLOYED, Industry.CARPET, true).sector())
                .isEqualTo(Sector.SECONDARY);
        var tertiary = new EmploymentTerms(null, Sector.TERTIARY, null, null, null, false);
        assertThatThrownBy(() -> tertiary.checked(DestinationKind.EMPLOYED, Industry.JADE_CARVING, true))
                .isInstanceOf(InvalidFieldException.class)
                .extracting("field")
                .isEqualTo("terms.sector");
        assertThat(tertiary.checked(DestinationKind.EMPLOYED, Industry.OTHER, true)
                        .sector())
                .isEqualTo(Sector.TERTIARY);
    }

    @Test
    void onlyTheDirectlyEmployedTakeTermsAndTheSelfEmployedNoChannelOrContract() {
        assertThatThrownBy(() -> FULL.checked(DestinationKind.FURTHER_STUDY, null, false))
                .extracting("field")
                .isEqualTo("terms.channel");
        assertThat(EmploymentTerms.NONE.checked(DestinationKind.MILITARY, null, false))
                .isEqualTo(EmploymentTerms.NONE);
        assertThatThrownBy(() -> FULL.checked(DestinationKind.SELF_EMPLOYED, null, false))
                .extracting("field")
                .isEqualTo("terms.channel");
        var own = new EmploymentTerms(null, null, PayBand.TO_5000, null, true, null);
        assertThat(own.checked(DestinationKind.SELF_EMPLOYED, null, false).abroad())
                .isFalse();
    }

    @Test
    void theIndicatorsCountTheSamePayBandsInTheSameOrder() {
        assertThat(org.craftline.indicators.EmploymentBreakdowns.PAY_BANDS)
                .containsExactly(java.util.Arrays.stream(PayBand.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
    }

    @Test
    void aUnitOfTheRegistryIsNotAbroad() {
        var abroad = new EmploymentTerms(null, null, null, null, null, true);
        assertThatThrownBy(() -> abroad.checked(DestinationKind.EMPLOYED, Industry.OTHER, true))
                .extracting("field")
                .isEqualTo("terms.abroad");
        assertThat(abroad.checked(DestinationKind.EMPLOYED, null, false).abroad())
                .isTrue();
    }
}
