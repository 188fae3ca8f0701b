package org.craftline.students;

import org.craftline.support.PostgresTest;

@PostgresTest
class GuardiansIT extends GuardiansChecks {}
