package org.craftline.aid;

import org.craftline.support.H2Test;

@H2Test
class AidAsOfTermH2Test extends AidAsOfTermChecks {}
