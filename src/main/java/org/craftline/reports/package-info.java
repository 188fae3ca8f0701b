/**
 * Reports: the dashboards (a school, a group, a region; the bureau's comparison of its schools),
 * the school profile in prose and the annual quality report (HTML, PDF, xlsx). Every figure comes
 * from the indicators module or from a read-only SQL breakdown of the records (SchoolFacts,
 * DashboardSeries); nothing is typed in. Reports write nothing.
 */
@ApplicationModule(allowedDependencies = {"indicators", "platform", "shared"})
package org.craftline.reports;

import org.springframework.modulith.ApplicationModule;
