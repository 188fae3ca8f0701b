/**
 * Social training: rural labour transfer training and other short courses for people who are not
 * students of the school. Programmes, their cohorts, trainees (resident ID validated and masked),
 * attendance, completion and employment after training; the {@code trainees} import kind.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation"})
package org.craftline.social;

import org.springframework.modulith.ApplicationModule;
