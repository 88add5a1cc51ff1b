/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * Offload of a camera card: one source folder or mounted volume copied to a primary and any number
 * of backup destinations, each source file read once and hashed once, every destination re-read from
 * the device and compared, with a per-file state machine journalled in the Cartwright database so an
 * interrupted or killed job resumes where it stopped.
 *
 * <p>Start with {@link io.cartwright.transfer.TransferService} (an OSGi service): build an
 * {@link io.cartwright.transfer.OffloadRequest}, {@link io.cartwright.transfer.TransferService#run run}
 * it with a {@link io.cartwright.transfer.TransferListener} for progress, and read the
 * {@link io.cartwright.transfer.JobSummary}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.transfer;
