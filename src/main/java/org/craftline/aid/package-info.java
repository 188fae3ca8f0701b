/**
 * Student aid (资助): hardship recognitions with their review, the eligibility of enrolled students
 * for the tuition waiver (免学费) and the national grant (国家助学金) per term, computed from the
 * records, the school's decisions, and an append-only ledger of disbursements in exact yuan with bank
 * cards masked; the bureau's roll-up per school and term, from a summary the indicators' summaries
 * keep (migration V98). Students and majors are read by SQL over
 * their tables, as the other modules' query classes read them; {@link org.craftline.aid.AidApi} is
 * what the reports ask.
 */
@ApplicationModule(allowedDependencies = {"platform", "shared", "indicators"})
package org.craftline.aid;

import org.springframework.modulith.ApplicationModule;
