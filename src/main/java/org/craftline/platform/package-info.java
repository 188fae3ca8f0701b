/**
 * Platform: sign-in, users and roles, tenancy (the one place that scopes queries of school-owned
 * data), the audit log, languages, error handling and the demo installation.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.craftline.platform;

import org.springframework.modulith.ApplicationModule;
