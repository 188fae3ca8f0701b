package org.craftline.training;

import org.craftline.support.H2Test;

@H2Test
class CourseResultsH2Test extends CourseResultsChecks {}
