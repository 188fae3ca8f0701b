/**
 * Graduates and employment: graduating a cohort, destinations at follow-up points (employed,
 * further study, self-employed, military service, unemployed, unknown), matched ("对口") and local
 * employment.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation", "enterprises", "jobs", "indicators"})
package org.craftline.employment;

import org.springframework.modulith.ApplicationModule;
