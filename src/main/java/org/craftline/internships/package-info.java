/**
 * Internships (认识实习 and 岗位实习) under the 2021 national rules: placements checked against the rules
 * at entry, their history, weekly logs, the supervisor's contacts, incidents and the final evaluation,
 * kept by the school, the enterprise (its own unit's interns only) and the student together.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation", "enterprises", "employment"})
package org.craftline.internships;

import org.springframework.modulith.ApplicationModule;
