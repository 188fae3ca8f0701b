package org.craftline.students;

import static org.craftline.support.JdbcProxies.invoke;
import static org.craftline.support.JdbcProxies.proxy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.craftline.support.JdbcProxies;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's DataSource to record the SQL and parameters of each prepared
 * statement while a call is recorded; everything else passes through.
 */
final class StatementLog implements BeanPostProcessor {

    record Executed(String sql, Map<Integer, Object> params) {}

    private static volatile List<Executed> recording;

    /** Time spent in statement executions since last reset (calls are made one at a time). */
    static final java.util.concurrent.atomic.AtomicLong SQL_NANOS = new java.util.concurrent.atomic.AtomicLong();

    static void start() {
        recording = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    static List<Executed> stop() {
        List<Executed> done = recording;
        recording = null;
        return done == null ? List.of() : new ArrayList<>(done);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return JdbcProxies.wrapConnections(bean, StatementLog::connection);
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("prepareStatement")
                    && result instanceof PreparedStatement p
                    && args[0] instanceof String sql) {
                return statement(p, sql);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement statement, String sql) {
        Map<Integer, Object> params = new TreeMap<>();
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                params.put(i, name.equals("setNull") ? null : args[1]);
            }
            if (!name.startsWith("execute")) {
                return invoke(target, method, args);
            }
            if (recording != null) {
                recording.add(new Executed(sql, new TreeMap<>(params)));
            }
            long started = System.nanoTime();
            try {
                return invoke(target, method, args);
            } finally {
                SQL_NANOS.addAndGet(System.nanoTime() - started);
            }
        });
    }
}
