package org.craftline.training;

import org.craftline.support.PostgresTest;

@PostgresTest
class CourseResultsIT extends CourseResultsChecks {}
