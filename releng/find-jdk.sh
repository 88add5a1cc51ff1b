# Sourced by ./mvnw and ./cartwright: finds a JDK 21 or newer and sets CARTWRIGHT_JAVA_HOME
# (and CARTWRIGHT_JAVA_MAJOR, its feature version).
# Order: $JAVA_HOME if it is 21+, then the JDKs under /usr/lib/jvm (newest first), then `java` on PATH.
# Every command goes through here, so the usual case (JAVA_HOME, or the first JDK tried) runs no
# program: each one started costs a few milliseconds, tens with a cold page cache.
_cartwright_java_major() { # JDK: sets _cartwright_major to its feature version ("" if unknown)
  local line
  _cartwright_major=""
  # A JDK's release file names its version without starting a JVM (that costs ~80 ms a command).
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) line="${line#JAVA_VERSION=\"}"; _cartwright_major="${line%%\"*}"; break ;;
      esac
    done < "$1/release"
  fi
  [ -n "$_cartwright_major" ] || _cartwright_major="$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
                        | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  _cartwright_major="${_cartwright_major%%.*}"
}
_cartwright_try_jdk() { # DIR: chooses DIR if it is a JDK 21 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _cartwright_java_major "$1"
  [ -n "$_cartwright_major" ] && [ "$_cartwright_major" -ge 21 ] 2>/dev/null || return 1
  CARTWRIGHT_JAVA_HOME="$1"
  CARTWRIGHT_JAVA_MAJOR="$_cartwright_major"
}
cartwright_find_jdk() {
  local c
  if [ -n "${JAVA_HOME:-}" ] && _cartwright_try_jdk "${JAVA_HOME%/}"; then return 0; fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if _cartwright_try_jdk "${c%/}"; then return 0; fi
  done
  if command -v javac >/dev/null 2>&1 \
      && _cartwright_try_jdk "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"; then
    return 0
  fi
  echo "Cartwright needs a JDK 21 or newer (Temurin 25 is tested). None was found in JAVA_HOME," >&2
  echo "under /usr/lib/jvm or on PATH. Install one (for example the Temurin 25 JDK, or" >&2
  echo "'apt-get install openjdk-21-jdk' where your distribution has it) and set JAVA_HOME to it." >&2
  return 1
}
