#!/usr/bin/env bash
# Builds the small images Berth's tests and demos run, offline, from this machine's Debian packages (no
# registry is needed): busybox:latest (busybox-static) and dockerfile/redis:latest (the seed's Redis image,
# from the local redis-server binary and the libraries it links). Existing images are kept unless --force.
set -euo pipefail
force=${1:-}

have() { [ -z "$force" ] && docker image inspect "$1" >/dev/null 2>&1; }

busybox_rootfs() {
  local root=$1
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/:/bin/sh' > "$root/etc/passwd"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! have busybox:latest; then
  busybox_rootfs "$work/busybox"
  tar -C "$work/busybox" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["sh"]' - busybox:latest >/dev/null
  echo "built busybox:latest"
fi

if ! have dockerfile/redis:latest; then
  root="$work/redis"
  busybox_rootfs "$root"
  mkdir -p "$root/usr/bin" "$root/data"
  cp /usr/bin/redis-server "$root/usr/bin/"
  for lib in $(ldd /usr/bin/redis-server | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  tar -C "$root" -c . | docker import -c 'ENV PATH=/usr/bin:/bin' -c 'WORKDIR /data' -c 'EXPOSE 6379' \
    -c 'CMD ["redis-server", "--protected-mode", "no", "--save", ""]' - dockerfile/redis:latest >/dev/null
  echo "built dockerfile/redis:latest"
fi
