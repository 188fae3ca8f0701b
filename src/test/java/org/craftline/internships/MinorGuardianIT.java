package org.craftline.internships;

import org.craftline.support.PostgresTest;

@PostgresTest
class MinorGuardianIT extends MinorGuardianChecks {}
