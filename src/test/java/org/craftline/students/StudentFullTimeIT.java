package org.craftline.students;

import org.craftline.support.PostgresTest;

@PostgresTest
class StudentFullTimeIT extends StudentFullTimeChecks {}
