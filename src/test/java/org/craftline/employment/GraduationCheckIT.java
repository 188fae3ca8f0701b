package org.craftline.employment;

import org.craftline.support.PostgresTest;

@PostgresTest
class GraduationCheckIT extends GraduationCheckChecks {}
