package org.craftline.organisation;

import org.craftline.support.H2Test;

@H2Test
class StaffCategoryH2Test extends StaffCategoryChecks {}
