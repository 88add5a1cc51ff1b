/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * The offload engine behind {@link io.cartwright.transfer.TransferService}: plain Java classes that
 * tests construct directly ({@link io.cartwright.transfer.internal.OffloadEngine}), and one thin DS
 * component ({@link io.cartwright.transfer.internal.TransferServiceComponent}). Not exported.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.transfer.internal;
