package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class ScopeTest {

    @Test
    void theOperatorSeesEverything() {
        Scope scope = Scope.everything();
        assertThat(scope.sql("c.school_id")).isEqualTo("1 = 1");
        assertThat(scope.params()).isEmpty();
        assertThat(scope.canWrite(42)).isTrue();
    }

    @Test
    void aSchoolUserIsLimitedToItsSchool() {
        Scope scope = new Scope(false, Set.of(7L), false);
        assertThat(scope.sql("c.school_id")).isEqualTo("c.school_id IN (:scopeSchools)");
        assertThat(scope.params()).containsEntry(Scope.PARAM, Set.of(7L));
        assertThat(scope.canRead(7)).isTrue();
        assertThat(scope.canRead(8)).isFalse();
        assertThatThrownBy(() -> scope.checkWrite(8)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(scope::checkWriteShared).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReadOnlyScopeReadsButNeverWrites() {
        Scope bureau = new Scope(false, Set.of(1L, 2L), true);
        assertThat(bureau.canRead(2)).isTrue();
        assertThatThrownBy(() -> bureau.checkWrite(2)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEmptyScopeMatchesNoRow() {
        assertThat(Scope.nothing().sql("x")).isEqualTo("1 = 0");
        assertThat(Scope.nothing().canRead(1)).isFalse();
    }

    @Test
    void tenancyMapsRolesToScopes() {
        TenantDirectory directory = new FakeDirectory(Set.of(1L, 2L, 3L));
        Tenancy tenancy = new Tenancy(directory, groupId -> Set.of(4L));
        assertThat(tenancy.scopeOf(user(Role.STAFF, 5L, null))).isEqualTo(new Scope(false, Set.of(5L), false));
        assertThat(tenancy.scopeOf(user(Role.STUDENT, 5L, null))).isEqualTo(Scope.nothing());
        assertThat(tenancy.scopeOf(user(Role.BUREAU, null, 9L))).isEqualTo(new Scope(false, Set.of(1L, 2L, 3L), true));
        assertThat(tenancy.scopeOf(user(Role.ENTERPRISE, null, null))).isEqualTo(Scope.nothing());
        assertThat(tenancy.scopeOf(new CurrentUser(2, "g", "G", Role.BUREAU, null, null, 9L, null, null)))
                .isEqualTo(new Scope(false, Set.of(4L), true));
        assertThat(tenancy.scopeOf(user(Role.SCHOOL_ADMIN, null, null))).isEqualTo(Scope.nothing());
        assertThat(tenancy.scopeOf(user(Role.SYSTEM_ADMIN, null, null)).unrestricted())
                .isTrue();
    }

    private static CurrentUser user(Role role, Long school, Long region) {
        return new CurrentUser(1, "u", "U", role, school, region, null, null, null);
    }

    private record FakeDirectory(Set<Long> schools) implements TenantDirectory {
        @Override
        public Set<Long> schoolsInRegion(long regionId) {
            return schools;
        }

        @Override
        public java.util.Optional<Long> schoolIdByCode(String schoolCode) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<Long> regionIdByCode(String regionCode) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Map<Long, String> schoolLabels(java.util.Collection<Long> schoolIds) {
            return java.util.Map.of();
        }

        @Override
        public java.util.Map<Long, String> regionLabels(java.util.Collection<Long> regionIds) {
            return java.util.Map.of();
        }
    }
}
