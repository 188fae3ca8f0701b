package org.craftline.jobs.domain;

import org.craftline.support.PostgresTest;

@PostgresTest
class ApprenticeLevelIT extends ApprenticeLevelChecks {}
