package org.craftline.employment;

import org.craftline.support.H2Test;

@H2Test
class GraduationCheckH2Test extends GraduationCheckChecks {}
