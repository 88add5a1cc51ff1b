/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.util.List;

/**
 * A device with everything known about it, for {@code devices show}.
 *
 * @param device the record
 * @param identities the keys it is recognised by, oldest first
 * @param history its lifetime history, oldest first
 */
public record DeviceDetails(DeviceRecord device, List<DeviceIdentity> identities, List<HistoryEntry> history) {

    public DeviceDetails {
        identities = List.copyOf(identities);
        history = List.copyOf(history);
    }
}
