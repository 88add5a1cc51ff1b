#!/usr/bin/env bash
# Installs what Cartwright's build and tests need on Debian/Ubuntu (run as root, or with sudo).
# Idempotent: packages already present are left alone. Maven bootstraps the pinned Maven 3.9.x.
set -euo pipefail
packages=(maven unzip zip xvfb xauth libgtk-3-0 libwebkit2gtk-4.1-0 ffmpeg xxhash
          exfatprogs exfat-fuse fusefat fuse3 dosfstools e2fsprogs util-linux rsync locales bc)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
