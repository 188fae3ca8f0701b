package org.craftline.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when a server answers. Without one they are skipped with one loud line,
 * unless {@code -Dcraftline.pg.required=true} (set by .ci/run): then they fail.
 */
public class PostgresCondition implements ExecutionCondition {

    private static boolean warned;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabases.available()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabases.ADMIN_URL);
        }
        String reason = "PostgreSQL not reachable at " + TestDatabases.ADMIN_URL + ": " + TestDatabases.failure();
        if (Boolean.getBoolean("craftline.pg.required")) {
            throw new IllegalStateException(reason + " (craftline.pg.required=true)");
        }
        synchronized (PostgresCondition.class) {
            if (!warned) {
                System.err.println("\n!!!!! SKIPPING POSTGRESQL INTEGRATION TESTS: " + reason + " !!!!!\n");
                warned = true;
            }
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
