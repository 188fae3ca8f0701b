package org.craftline.jobs.domain;

import org.craftline.support.H2Test;

@H2Test
class ApprenticeLevelH2Test extends ApprenticeLevelChecks {}
