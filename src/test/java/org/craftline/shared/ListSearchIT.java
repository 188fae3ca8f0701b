package org.craftline.shared;

import org.craftline.support.PostgresTest;

/** The growing lists' searches on PostgreSQL: ranges in byte order and trigram indexes. */
@PostgresTest
class ListSearchIT extends ListSearchChecks {}
