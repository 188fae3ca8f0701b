package org.craftline.organisation;

import org.craftline.support.PostgresTest;

@PostgresTest
class StaffCategoryIT extends StaffCategoryChecks {}
