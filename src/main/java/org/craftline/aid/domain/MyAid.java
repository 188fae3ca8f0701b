package org.craftline.aid.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's own aid: this term's eligibility as the office's list computes it, and for every term
 * with a decision or a payment, the decision and the yuan paid of each kind (reversals netted). Read
 * for the signed-in student's own record only; bank cards are not shown here at all.
 */
@Service
public class MyAid {

    /** One term of the student's aid: the school's decision and what was paid. */
    public record TermAid(String term, Boolean waiver, String grantTier, BigDecimal waiverPaid, BigDecimal grantPaid) {}

    /** This term's eligibility (null when the student is not in years 1 to 3 in school in it), and the terms. */
    public record Mine(String term, EligibilityView now, List<TermAid> terms) {}

    /** At most this many terms are listed, the latest first: a student is in school for a few years. */
    static final int MAX_TERMS = 40;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Eligibility eligibility;
    private final Clock clock;

    MyAid(JdbcClient jdbc, Tenancy tenancy, Eligibility eligibility, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Mine mine() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            throw new AccessDeniedException("only a student bound to its record has own aid");
        }
        long me = user.studentId();
        Term term = Term.of(LocalDate.now(clock));
        // the net paid of each kind, as the ledger's checks read it
        List<TermAid> terms = jdbc.sql("SELECT t.term, d.waiver, d.grant_tier, "
                        + AidLedger.net(":me", "t.term", "'WAIVER'") + " AS waiver_paid, "
                        + AidLedger.net(":me", "t.term", "'GRANT'") + " AS grant_paid"
                        + " FROM (SELECT term FROM aid_decision WHERE student_id = :me"
                        + " UNION SELECT term FROM aid_disbursement WHERE student_id = :me) t"
                        + " LEFT JOIN aid_decision d ON d.student_id = :me AND d.term = t.term"
                        + " ORDER BY t.term DESC FETCH FIRST :max ROWS ONLY")
                .param("me", me)
                .param("max", MAX_TERMS)
                .query(TermAid.class)
                .list();
        return new Mine(term.toString(), eligibility.of(me, term).orElse(null), terms);
    }
}
