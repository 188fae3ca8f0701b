package org.craftline.shared;

import org.craftline.support.H2Test;

/** The growing lists' keyset pages on H2, the embedded default. */
@H2Test
class KeysetListH2Test extends KeysetListChecks {}
