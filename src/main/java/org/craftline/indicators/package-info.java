/**
 * Indicators: every figure the school, its groups and its bureau report, computed by SQL from the
 * records for a scope of schools, never typed in. Each indicator is one bean; the endpoint
 * {@code /api/v1/indicators} answers them all.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared"})
package org.craftline.indicators;

import org.springframework.modulith.ApplicationModule;
