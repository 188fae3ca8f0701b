package org.craftline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.craftline.platform.GroupDirectory;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scope the user may not read, or that does not exist, is not found in the caller's own words:
 * the school or region code or group number it sent, never a request record or school ids.
 */
class IndicatorsNotFoundTest {

    private static final long OWN = 11L;
    private static final long OTHER = 22L;

    private final Indicators indicators = indicators();

    @Test
    void anotherSchoolIsNotFoundByTheCodeAsked() {
        NotFoundException e = notFound(new Indicators.Request("4141013250", null, null, 2025, null, null));
        assertThat(e.kind()).isEqualTo("school");
        assertThat(e.key()).isEqualTo("4141013250");
        assertThat(e.getMessage()).isEqualTo("school not found: 4141013250");
    }

    @Test
    void anUnknownSchoolLooksTheSameAsAnotherSchool() {
        NotFoundException e = notFound(new Indicators.Request("9999999999", null, null, null, null, null));
        assertThat(e.getMessage()).isEqualTo("school not found: 9999999999");
    }

    @Test
    void aRegionOrGroupIsNamedByWhatWasSent() {
        assertThat(notFound(new Indicators.Request(null, "411300", null, 2025, "YEAR_1", null))
                        .getMessage())
                .isEqualTo("region not found: 411300");
        assertThat(notFound(new Indicators.Request(null, null, 7L, null, null, null))
                        .getMessage())
                .isEqualTo("group not found: 7");
    }

    @Test
    void aScopeHandedInByAnotherModuleShowsNoIds() {
        NotFoundException e = catchThrowableOfType(
                NotFoundException.class,
                () -> indicators.values(new IndicatorScope(Set.of(OWN, OTHER), 2025, "AT_GRADUATION", "2025-1")));
        assertThat(e.getMessage()).isEqualTo("indicator scope not found").doesNotContain(String.valueOf(OTHER));
    }

    private NotFoundException notFound(Indicators.Request request) {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> indicators.compute(request));
        assertThat(e).as("not found").isNotNull();
        assertThat(e.getMessage()).doesNotContain("Request", "[", "=", String.valueOf(OTHER));
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Indicators indicators() {
        Tenancy tenancy = mock(Tenancy.class);
        when(tenancy.scope()).thenReturn(new Scope(false, Set.of(OWN), false));
        TenantDirectory directory = mock(TenantDirectory.class);
        when(directory.schoolIdByCode(any())).thenReturn(Optional.empty());
        when(directory.schoolIdByCode("4141013250")).thenReturn(Optional.of(OTHER));
        when(directory.regionIdByCode("411300")).thenReturn(Optional.of(5L));
        when(directory.schoolsInRegion(5L)).thenReturn(Set.of(OTHER));
        ObjectProvider<GroupDirectory> groups = mock(ObjectProvider.class);
        when(groups.getIfAvailable(any())).thenReturn((GroupDirectory) id -> Set.of(OTHER));
        return new Indicators(
                List.of(),
                tenancy,
                directory,
                groups,
                mock(JdbcClient.class),
                mock(Summaries.class),
                Clock.systemDefaultZone());
    }
}
