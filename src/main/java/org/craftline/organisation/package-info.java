/**
 * Organisation: regions (province > city > county), schools, the national catalogue of
 * vocational majors and the majors a school offers, classes and staff.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared"})
package org.craftline.organisation;

import org.springframework.modulith.ApplicationModule;
