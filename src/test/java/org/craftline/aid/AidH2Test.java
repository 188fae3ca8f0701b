package org.craftline.aid;

import org.craftline.support.H2Test;

@H2Test
class AidH2Test extends AidChecks {}
