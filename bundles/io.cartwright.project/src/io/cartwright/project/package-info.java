/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
/**
 * Projects, their work-unit trees, routing templates with inheritance and overrides, sticky device
 * assignments with history, and auto-offload rules. Entry point: the
 * {@link io.cartwright.project.ProjectService} DS service.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cartwright.project;
