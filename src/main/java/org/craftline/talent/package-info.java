/**
 * Craft talent: certificates, titles and master honours of students, graduates and staff, the
 * masters trained by the school and their consent to a public page, master-apprentice relations,
 * and each school's designation of the skill level that makes a senior craftsman.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation"})
package org.craftline.talent;

import org.springframework.modulith.ApplicationModule;
