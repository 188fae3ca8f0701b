/**
 * Jobs and employment services: the cluster's units post jobs and internships, students and
 * graduates apply, the unit moves each application through its stages, recommendations and the
 * graduate's job board, job fairs (双选会). A hire is published as {@link org.craftline.jobs.ApplicantHired};
 * the employment module records the destination from it.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation", "enterprises"})
package org.craftline.jobs;

import org.springframework.modulith.ApplicationModule;
