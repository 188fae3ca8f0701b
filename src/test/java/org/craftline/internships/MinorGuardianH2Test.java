package org.craftline.internships;

import org.craftline.support.H2Test;

@H2Test
class MinorGuardianH2Test extends MinorGuardianChecks {}
