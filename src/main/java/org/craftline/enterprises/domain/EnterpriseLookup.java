package org.craftline.enterprises.domain;

import java.util.Optional;
import org.craftline.platform.EnterpriseDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lets the platform bind an enterprise user to its registry unit by credit code. */
@Component
class EnterpriseLookup implements EnterpriseDirectory {

    private final JdbcClient jdbc;

    EnterpriseLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> enterpriseId(String creditCode) {
        return jdbc.sql("SELECT id FROM enterprise WHERE credit_code = :c")
                .param("c", creditCode)
                .query(Long.class)
                .optional();
    }
}
