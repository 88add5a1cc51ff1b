/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The {@code STORAGE_DEVICE_NUMBER} from {@code IOCTL_STORAGE_GET_DEVICE_NUMBER}: which physical disk
 * and partition a volume is on ({@code DWORD DeviceType; DWORD DeviceNumber; DWORD PartitionNumber}).
 */
public record StorageDeviceNumber(int deviceType, int deviceNumber, int partitionNumber) {

    public static StorageDeviceNumber parse(byte[] raw) {
        if (raw.length < 12) {
            throw new IllegalArgumentException("STORAGE_DEVICE_NUMBER too short: " + raw.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return new StorageDeviceNumber(b.getInt(0), b.getInt(4), b.getInt(8));
    }

    /** {@code \\.\PhysicalDriveN}, the disk the volume lives on. */
    public String physicalDrive() {
        return "\\\\.\\PhysicalDrive" + deviceNumber;
    }
}
