/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * Projects, their work-unit trees, routing templates with inheritance and overrides, sticky device
 * assignments with history, and auto-offload rules. Entry points: the
 * {@link io.cartwright.project.ProjectService} DS service, and {@link io.cartwright.project.CardPlanner},
 * which plans a card for its assignment exactly as the offload will copy it.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.eclipse.jdt.annotation.NonNullByDefault
package io.cartwright.project;
