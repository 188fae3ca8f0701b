package org.craftline.students;

import org.craftline.support.H2Test;

@H2Test
class StudentFullTimeH2Test extends StudentFullTimeChecks {}
