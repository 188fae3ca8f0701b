/**
 * Development records: honours of the school and of its people (with certificate files), and
 * funded projects with budget lines and an append-only ledger of expenditures, whose balances and
 * capacity-building share the indicators report.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "organisation"})
package org.craftline.development;

import org.springframework.modulith.ApplicationModule;
