/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run by {@link Store#read} or {@link Store#write}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
