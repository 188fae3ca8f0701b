/**
 * Enterprises of the industry cluster (a registry shared by the schools of a region, keyed by the
 * unified social credit code) and vocational education groups with their member units.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation"})
package org.craftline.enterprises;

import org.springframework.modulith.ApplicationModule;
