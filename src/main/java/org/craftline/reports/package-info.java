/**
 * Reports: the dashboards (a school, a group, a region; the bureau's comparison of its schools),
 * the school profile in prose and the annual quality report (HTML, PDF, xlsx). Every figure comes
 * from the indicators module or from a read-only SQL breakdown of the records (support.SchoolFacts,
 * dashboard.DashboardSeries); nothing is typed in. Reports write nothing and publish no API to other
 * modules. Like the indicators module, they read other modules' tables by SQL rather than through
 * facades: a report is a read-only join across the whole record, and going through six facades row
 * by row would be the N+1 the house style forbids; every such query takes school ids already
 * checked by {@code Indicators.resolve}. Student aid comes from the aid module's facade.
 */
@ApplicationModule(allowedDependencies = {"aid", "indicators", "platform", "shared"})
package org.craftline.reports;

import org.springframework.modulith.ApplicationModule;
