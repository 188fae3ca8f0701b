package org.craftline.aid;

import org.craftline.support.PostgresTest;

@PostgresTest
class AidAsOfTermIT extends AidAsOfTermChecks {}
