package org.craftline.platform.imports;

import static org.craftline.support.JdbcProxies.invoke;
import static org.craftline.support.JdbcProxies.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.craftline.support.JdbcProxies;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's DataSource so that each JDBC statement's execution is timed while a
 * run is measured. Everything else is passed through ({@code unwrap} still reaches pgjdbc's
 * COPY API); the staging COPY goes through that API and so is not among the timed statements.
 */
final class StatementClock implements BeanPostProcessor {

    record Timing(String sql, long nanos) {}

    private static volatile List<Timing> recording;

    static synchronized void start() {
        recording = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    static synchronized List<Timing> stop() {
        List<Timing> timings = recording;
        recording = null;
        return timings == null ? List.of() : timings;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return JdbcProxies.wrapConnections(bean, StatementClock::connection);
    }

    private static Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("unwrap")
                    && result instanceof org.postgresql.PGConnection pg
                    && result instanceof Connection driver) {
                // the early writes' statements go to the driver's connection: timed too
                return driverConnection(driver);
            }
            return timedStatement(method, args, result);
        });
    }

    /** The driver's connection, with the COPY API and the statements timed. */
    private static Connection driverConnection(Connection driver) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return p == args[0];
            }
            if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(p);
            }
            return timedStatement(method, args, invoke(driver, method, args));
        };
        return (Connection) Proxy.newProxyInstance(
                StatementClock.class.getClassLoader(),
                new Class<?>[] {Connection.class, org.postgresql.PGConnection.class},
                h);
    }

    private static Object timedStatement(Method method, Object[] args, Object result) {
        if (method.getName().equals("prepareStatement")
                && result instanceof PreparedStatement p
                && args[0] instanceof String sql) {
            return statement(PreparedStatement.class, p, sql);
        }
        if (method.getName().equals("createStatement") && result instanceof Statement s) {
            return statement(Statement.class, s, null);
        }
        return result;
    }

    private static <S extends Statement> S statement(Class<S> type, S statement, String prepared) {
        return proxy(type, statement, (target, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(target, method, args);
            }
            long started = System.nanoTime();
            try {
                return invoke(target, method, args);
            } finally {
                List<Timing> timings = recording;
                if (timings != null) {
                    String sql = prepared != null
                            ? prepared
                            : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                    timings.add(new Timing(label(sql), System.nanoTime() - started));
                }
            }
        });
    }

    private static String label(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 110 ? flat.substring(0, 110) + "…" : flat;
    }
}
