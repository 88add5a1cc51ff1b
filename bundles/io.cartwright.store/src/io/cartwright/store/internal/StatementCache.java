/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Keeps the writer connection's prepared statements for reuse. sqlite-jdbc compiles the SQL again
 * for every {@code prepareStatement}; the transfer journal runs the same few statements for every
 * file (about seven transactions each), and on cards of many small files compiling them was a
 * visible share of the journal's time under the write lock.
 *
 * <p>Callers keep the usual try-with-resources: {@code close()} on a cached statement clears its
 * parameters and leaves it open for the next use. Only the writer connection is wrapped, and it is
 * used by one thread at a time (the store's write lock), so a statement is never in two hands.
 * Statements prepared with extra arguments (generated keys, result set types) are not cached.
 */
final class StatementCache {

    private static final int CAPACITY = 64;

    private StatementCache() {
    }

    /** {@code connection} with {@code prepareStatement(String)} answered from the cache. */
    static Connection wrap(Connection connection) {
        Map<String, PreparedStatement> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.@Nullable Entry<String, PreparedStatement> eldest) {
                if (eldest == null || size() <= CAPACITY) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") && args.length == 1 && args[0] instanceof String sql) {
                PreparedStatement ps = cache.get(sql);
                if (ps == null || ps.isClosed()) {
                    ps = connection.prepareStatement(sql);
                    cache.put(sql, ps);
                }
                return reusable(ps);
            }
            if (name.equals("close") && (args == null || args.length == 0)) {
                cache.values().forEach(StatementCache::closeQuietly);
                cache.clear();
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** A view of {@code ps} whose {@code close()} only readies it for the next use. */
    private static PreparedStatement reusable(PreparedStatement ps) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && (args == null || args.length == 0)) {
                if (!ps.isClosed()) {
                    ps.clearParameters();
                    ps.clearBatch();
                }
                return null;
            }
            return invoke(ps, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object @Nullable [] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the SQLException the caller expects, not the reflection wrapper
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the statement is dropped either way
        }
    }
}
