package org.craftline.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the platform needs to know about schools and regions to scope a user, implemented by the
 * module that owns them. Keeps the platform free of a dependency on business modules.
 */
public interface TenantDirectory {

    /** Ids of the schools in a region and all its sub-regions. */
    Set<Long> schoolsInRegion(long regionId);

    Optional<Long> schoolIdByCode(String schoolCode);

    Optional<Long> regionIdByCode(String regionCode);

    /** Display labels ("code name") of schools, for lists of users and audit events. */
    Map<Long, String> schoolLabels(Collection<Long> schoolIds);

    Map<Long, String> regionLabels(Collection<Long> regionIds);
}
