package org.craftline.employment;

import org.craftline.support.H2Test;

@H2Test
class EmployerSurveysH2Test extends EmployerSurveysChecks {}
