package org.craftline.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Thin JDK proxies over JDBC objects, for the benchmarks that time or record the statements an
 * application issues: every call goes to the target, unless the handler does more around it.
 */
public final class JdbcProxies {

    private JdbcProxies() {}

    /** What a proxy does with a call: usually {@link #invoke} it, with something around it. */
    public interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    /** A proxy of one interface over the target; equal only to itself. */
    @SuppressWarnings("unchecked")
    public static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return p == args[0];
            }
            if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(p);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    /**
     * For a bean post-processor: the application's DataSource with each connection it hands out
     * passed through {@code wrap}; any other bean (or a DataSource already proxied) as it is.
     */
    public static Object wrapConnections(Object bean, UnaryOperator<Connection> wrap) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection c ? wrap.apply(c) : result;
            });
        }
        return bean;
    }

    /** Calls the target, rethrowing what the method threw (not the reflection's wrapper). */
    public static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
