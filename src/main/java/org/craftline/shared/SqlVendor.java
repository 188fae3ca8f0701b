package org.craftline.shared;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Which database a client talks to, asked once per client: the few lists that word SQL per vendor. */
public final class SqlVendor {

    private static final Map<JdbcClient, Boolean> POSTGRES = Collections.synchronizedMap(new WeakHashMap<>());

    private SqlVendor() {}

    public static boolean postgres(JdbcClient jdbc) {
        return POSTGRES.computeIfAbsent(
                jdbc,
                client -> client.sql("SELECT 1").query(rs -> {
                    return "PostgreSQL"
                            .equals(rs.getStatement()
                                    .getConnection()
                                    .getMetaData()
                                    .getDatabaseProductName());
                }));
    }
}
