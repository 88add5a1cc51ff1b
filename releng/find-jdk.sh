# Sourced by ./mvnw and ./cartwright: finds a JDK 21 or newer and sets CARTWRIGHT_JAVA_HOME
# (and CARTWRIGHT_JAVA_MAJOR, its feature version).
# Order: $JAVA_HOME if it is 21+, then the JDKs under /usr/lib/jvm (newest first), then `java` on PATH.
_cartwright_java_major() {
  local v
  # A JDK's release file names its version without starting a JVM (that costs ~80 ms a command).
  v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null | head -n1)"
  [ -n "$v" ] || v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
                        | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  echo "$v"
}
cartwright_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major="$(_cartwright_java_major "$c")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      CARTWRIGHT_JAVA_HOME="$c"
      CARTWRIGHT_JAVA_MAJOR="${major%%.*}"
      return 0
    fi
  done
  echo "Cartwright needs a JDK 21 or newer (Temurin 25 is tested). None was found in JAVA_HOME," >&2
  echo "under /usr/lib/jvm or on PATH. Install one (for example the Temurin 25 JDK, or" >&2
  echo "'apt-get install openjdk-21-jdk' where your distribution has it) and set JAVA_HOME to it." >&2
  return 1
}
