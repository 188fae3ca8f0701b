package org.craftline.students;

import org.craftline.support.H2Test;

@H2Test
class GuardiansH2Test extends GuardiansChecks {}
