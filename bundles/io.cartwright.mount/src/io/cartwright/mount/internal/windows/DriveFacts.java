/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.windows;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;

/**
 * Everything the JNA layer gathered about one drive letter, as plain values.
 *
 * @param root the root, {@code E:\\}
 * @param volumeGuidPath {@code \\?\Volume{...}\} from {@code GetVolumeNameForVolumeMountPointW}; may be empty
 * @param driveType {@code GetDriveTypeW}: 2 removable, 3 fixed, 4 remote, 5 CD-ROM, 6 RAM disk
 * @param label volume label from {@code GetVolumeInformationW}
 * @param serial volume serial number from {@code GetVolumeInformationW} (the FAT/exFAT volume id,
 *        the low 32 bits of the NTFS serial)
 * @param fsName filesystem name from {@code GetVolumeInformationW} ({@code exFAT}, {@code FAT32}, {@code NTFS})
 * @param fsFlags filesystem flags from {@code GetVolumeInformationW}
 * @param capacity partition length from {@code IOCTL_DISK_GET_LENGTH_INFO}; 0 if unknown
 * @param free free bytes from {@code GetDiskFreeSpaceExW}
 * @param descriptor the disk's storage descriptor, if the IOCTL answered
 * @param number the disk and partition number, if the IOCTL answered
 */
public record DriveFacts(String root, String volumeGuidPath, int driveType, String label, int serial, String fsName,
        int fsFlags, long capacity, long free, Optional<StorageDeviceDescriptor> descriptor,
        Optional<StorageDeviceNumber> number) {

    public static final int DRIVE_REMOVABLE = 2;
    public static final int DRIVE_FIXED = 3;
    public static final int DRIVE_REMOTE = 4;
    /** {@code FILE_READ_ONLY_VOLUME}. */
    public static final int FILE_READ_ONLY_VOLUME = 0x0008_0000;

    /** The volume serial as Windows shows it ({@code dir}, {@code vol}): {@code 6BAE-D987}. */
    public String serialText() {
        String hex = HexFormat.of().withUpperCase().toHexDigits(serial);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }

    /** Same filesystem and same medium: the tracker keeps a drive whose facts did not change. */
    boolean sameVolume(DriveFacts o) {
        return root.equalsIgnoreCase(o.root) && volumeGuidPath.equalsIgnoreCase(o.volumeGuidPath) && serial == o.serial
                && fsName.equalsIgnoreCase(o.fsName);
    }

    /**
     * The volume for these facts.
     *
     * @param key the appearance key the tracker assigned
     * @param systemDrive {@code %SystemDrive%} ({@code C:}); its volume is {@link Classification#SYSTEM}
     */
    public MountedVolume toVolume(String key, String systemDrive) {
        Bus bus = driveType == DRIVE_REMOTE ? Bus.NETWORK : descriptor.map(StorageDeviceDescriptor::bus).orElse(Bus.UNKNOWN);
        boolean removableMedia = descriptor.map(StorageDeviceDescriptor::removableMedia).orElse(false);
        boolean removable = driveType == DRIVE_REMOVABLE || removableMedia || bus == Bus.USB || bus == Bus.SD
                || bus == Bus.FIREWIRE || bus == Bus.IMAGE;
        String letter = root.length() >= 2 ? root.substring(0, 2).toUpperCase(Locale.ROOT) : root;
        Classification c;
        if (systemDrive != null && letter.equalsIgnoreCase(systemDrive.strip())) {
            c = Classification.SYSTEM;
        } else if (removable) {
            c = Classification.REMOVABLE;
        } else {
            c = Classification.OTHER;
        }
        String serialNumber = descriptor.map(StorageDeviceDescriptor::serial).orElse("");
        boolean hasId = bus != Bus.NETWORK && !fsName.isEmpty();
        return MountedVolume.builder(key, Path.of(root)).deviceNode(driveType == DRIVE_REMOTE ? "" : "\\\\.\\" + letter)
                .filesystem(new FilesystemFacts(fsName, hasId ? serialText() : "", label, capacity)).free(free)
                .readOnly((fsFlags & FILE_READ_ONLY_VOLUME) != 0).removable(removable).bus(bus)
                .vendor(descriptor.map(StorageDeviceDescriptor::vendor).orElse(""))
                .model(descriptor.map(StorageDeviceDescriptor::product).orElse(""))
                // A reader slot (removable media) reports the reader's serial, never the card's.
                .hardwareSerial(serialNumber, !removableMedia && bus != Bus.IMAGE)
                .partition(number.map(StorageDeviceNumber::partitionNumber).orElse(0)).classification(c).build();
    }
}
