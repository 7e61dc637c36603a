#!/usr/bin/env bash
# Builds the base image the services' Dockerfiles run on here, offline (no registry is needed):
# berth/java-runtime:17, a jlink'd Java 17 runtime from this machine's JDK plus busybox (sh and wget for
# health checks and the compose credentials step; keytool is in java.base) and the openssl command, which
# busybox wget runs for HTTPS (its built-in TLS offers no signature algorithms, so a JDK server refuses it).
# Online, the Dockerfiles' default base eclipse-temurin:17-jre does the same job. An existing image is kept
# unless --force.
#   build-runtime-image.sh [--force] [IMAGE]
set -euo pipefail
force=""
[ "${1:-}" = --force ] && { force=yes; shift; }
image=${1:-berth/java-runtime:17}
jdk=/usr/lib/jvm/java-17-openjdk-amd64

if [ -z "$force" ] && docker image inspect "$image" >/dev/null 2>&1; then
  exit 0
fi
[ -d "$jdk/jmods" ] || { echo "$jdk/jmods is missing (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

# java.compiler: Boot 4 and Spring Data load javax.lang.model; java.desktop: java.beans; jdk.net: docker-java
# over the engine's Unix socket.
"$jdk/bin/jlink" --module-path "$jdk/jmods" --output "$root/opt/java" \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming \
  --add-modules java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml \
  --add-modules jdk.charsets,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=2

mkdir -p "$root/bin"
cp /usr/bin/openssl "$root/bin/openssl"
# The native libraries the runtime and openssl link against; the AWT, sound and splash ones are never loaded
# headless.
libs=$(for so in "$root/bin/openssl" "$root/opt/java/bin/java" "$root/opt/java/lib/server/libjvm.so" \
  "$root"/opt/java/lib/*.so; do
  case $so in */libawt_xawt.so|*/libjsound.so|*/libsplashscreen.so) continue ;; esac
  ldd "$so" | grep -o '/[^ ]*'
done | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done

mkdir -p "$root/tmp" "$root/etc" "$root/app"
chmod 1777 "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"

tar -C "$root" -c . | docker import -c 'ENV PATH=/opt/java/bin:/bin' -c 'ENV JAVA_HOME=/opt/java' \
  -c 'WORKDIR /app' - "$image" >/dev/null
echo "built $image"
