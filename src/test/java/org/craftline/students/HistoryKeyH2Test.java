package org.craftline.students;

import org.craftline.support.H2Test;

@H2Test
class HistoryKeyH2Test extends HistoryKeyChecks {}
