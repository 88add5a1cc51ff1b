/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.cartwright.mount.Bus;

/**
 * The {@code STORAGE_DEVICE_DESCRIPTOR} returned by {@code IOCTL_STORAGE_QUERY_PROPERTY} with
 * {@code StorageDeviceProperty}: vendor, product, serial and bus of the disk holding a volume.
 *
 * <pre>
 * 0  DWORD Version        4  DWORD Size          8  BYTE DeviceType   9 BYTE DeviceTypeModifier
 * 10 BOOLEAN RemovableMedia                      11 BOOLEAN CommandQueueing
 * 12 DWORD VendorIdOffset 16 DWORD ProductIdOffset 20 DWORD ProductRevisionOffset
 * 24 DWORD SerialNumberOffset                    28 STORAGE_BUS_TYPE BusType (DWORD)
 * 32 DWORD RawPropertiesLength                   36 BYTE RawDeviceProperties[]
 * </pre>
 * String offsets point to NUL-terminated ASCII inside the buffer; 0 means absent.
 *
 * @param busType the raw {@code STORAGE_BUS_TYPE}
 * @param removableMedia the device takes removable media (a card reader slot)
 * @param vendor vendor id, trimmed
 * @param product product id, trimmed
 * @param revision product revision, trimmed
 * @param serial serial number, trimmed; empty if none
 */
public record StorageDeviceDescriptor(int busType, boolean removableMedia, String vendor, String product, String revision,
        String serial) {

    /** Smallest valid descriptor: the fixed part up to {@code RawPropertiesLength}. */
    static final int HEADER = 36;

    /**
     * Parses the IOCTL output.
     *
     * @throws IllegalArgumentException if the buffer is shorter than the header or its Size
     */
    public static StorageDeviceDescriptor parse(byte[] raw) {
        if (raw.length < HEADER) {
            throw new IllegalArgumentException("STORAGE_DEVICE_DESCRIPTOR too short: " + raw.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int size = b.getInt(4);
        int limit = Math.min(raw.length, size <= 0 ? raw.length : size);
        return new StorageDeviceDescriptor(b.getInt(28), raw[10] != 0, ascii(raw, b.getInt(12), limit),
                ascii(raw, b.getInt(16), limit), ascii(raw, b.getInt(20), limit), serial(ascii(raw, b.getInt(24), limit)));
    }

    /** Cartwright's bus for the raw {@code STORAGE_BUS_TYPE}. */
    public Bus bus() {
        return switch (busType) {
            case 0x01 -> Bus.SCSI; // BusTypeScsi
            case 0x02, 0x03, 0x0B -> Bus.SATA; // Atapi, Ata, Sata
            case 0x04 -> Bus.FIREWIRE; // 1394
            case 0x07 -> Bus.USB;
            case 0x0A -> Bus.SCSI; // Sas
            case 0x0C, 0x0D -> Bus.SD; // Sd, Mmc
            case 0x0E -> Bus.VIRTUAL;
            case 0x0F -> Bus.IMAGE; // FileBackedVirtual: an attached VHD(X) or ISO
            case 0x11 -> Bus.NVME;
            default -> Bus.UNKNOWN;
        };
    }

    private static String ascii(byte[] raw, int offset, int limit) {
        if (offset <= 0 || offset >= limit) {
            return "";
        }
        int end = offset;
        while (end < limit && raw[end] != 0) {
            end++;
        }
        return new String(raw, offset, end - offset, StandardCharsets.ISO_8859_1).strip();
    }

    /**
     * Some USB bridges report the serial as hex-encoded ASCII, and some as all blanks or zeros; the
     * latter is no serial at all.
     */
    private static String serial(String s) {
        if (s.chars().allMatch(c -> c == '0' || c == ' ' || c == '.' || c == 'F' || c == 'f')) {
            return "";
        }
        return s;
    }
}
