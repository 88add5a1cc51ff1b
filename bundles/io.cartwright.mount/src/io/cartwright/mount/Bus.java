/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount;

/** How the medium holding a volume is attached to this computer. */
public enum Bus {
    /** USB mass storage: card readers, USB sticks, USB SSDs. */
    USB,
    /** A native SD/MMC slot (the card's own CID serial is visible). */
    SD,
    /** External PCIe: Thunderbolt / USB4 enclosures and readers (CFexpress, RED, ARRI). */
    THUNDERBOLT,
    /** Internal or eSATA, ATA, ATAPI. */
    SATA,
    /** Internal NVMe. */
    NVME,
    /** SCSI or SAS. */
    SCSI,
    /** IEEE 1394. */
    FIREWIRE,
    /** A disk image attached as a device: a Linux loop device, a Windows VHD, a macOS disk image. */
    IMAGE,
    /** Virtual machine disks (virtio, Hyper-V) and other virtual block devices. */
    VIRTUAL,
    /** A network share (NFS, SMB, SSHFS). */
    NETWORK,
    /** Not known. */
    UNKNOWN
}
