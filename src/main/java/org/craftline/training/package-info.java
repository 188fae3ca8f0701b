/**
 * Practical training: courses of the majors a school offers, the practical items their syllabus
 * requires per term, workshops and training bases, the training sessions held, and the
 * practical-training rate (required items held at least once in the term / required items).
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation"})
package org.craftline.training;

import org.springframework.modulith.ApplicationModule;
