/**
 * Students: records with the resident ID validated and masked, a status history, and the
 * {@code students} kind of the import framework.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation"})
package org.craftline.students;

import org.springframework.modulith.ApplicationModule;
