package org.craftline.platform;

import java.util.Optional;

/** Finds the registry unit an {@code ENTERPRISE} user is bound to, implemented by the enterprises module. */
public interface EnterpriseDirectory {

    Optional<Long> enterpriseId(String creditCode);
}
