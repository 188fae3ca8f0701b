package org.craftline.shared;

import org.craftline.support.H2Test;

/** The growing lists' searches on H2, the embedded default: the same rule read with LIKE. */
@H2Test
class ListSearchH2Test extends ListSearchChecks {}
