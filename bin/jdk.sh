# Shell functions that find a JDK the SDK can run on (21 or newer); sourced by bin/jshell and .ci/run.

CHAINWRIGHT_MIN_JAVA=21

# The Java feature version of a JDK home, e.g. 21; empty when it cannot be read.
java_feature() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Whether a folder is a JDK (it has javac) of version 21 or newer.
is_jdk21() {
  local v
  [ -x "$1/bin/javac" ] || return 1
  v=$(java_feature "$1")
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge "$CHAINWRIGHT_MIN_JAVA" ]
}

# The home of the java on PATH; empty when there is none.
path_java_home() {
  local java
  java=$(command -v java) || return 0
  java=$(readlink -f "$java")
  dirname "$(dirname "$java")"
}

# Every JDK 21+ installed beside a JDK home (e.g. the others under /usr/lib/jvm), newest first.
jdks_beside() {
  local base d
  base=$(dirname "$1")
  for d in "$base"/*/; do
    d=${d%/}
    is_jdk21 "$d" && echo "$(java_feature "$d") $d"
  done | sort -rn | awk '{print $2}'
}
