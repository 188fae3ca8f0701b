package org.craftline.shared;

import org.craftline.support.PostgresTest;

/** The growing lists' keyset pages on PostgreSQL. */
@PostgresTest
class KeysetListIT extends KeysetListChecks {}
