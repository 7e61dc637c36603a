# Shared by ./scripts/test and ./berth: make sure the machine has what Berth needs (Debian 12, as root).

# Debian packages: a JDK 17 to build and run, redis-server for storage (tests start their own), chromium
# for the gateway status page's browser test, docker-compose for the compose variant's test, openssl for
# the compose runtime image (busybox wget's HTTPS helper), nghttp2's h2load for the gateway's HTTP/2 test.
ensure_packages() {
  local missing=()
  command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v redis-benchmark >/dev/null 2>&1 || missing+=(redis-tools)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Debian's redis-server package starts a system instance on 6379; Berth's tests don't use it.
}

# kubectl is not a Debian package; the end-to-end tests drive the real one.
ensure_kubectl() {
  if ! command -v kubectl >/dev/null 2>&1; then
    echo "kubectl is required (the end-to-end tests drive it) but is not on PATH." >&2
    echo "Install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/) and run again." >&2
    exit 1
  fi
}

# A running Docker engine for the node-agent's tests. Without systemd (containers, CI) dockerd is started
# here in the background and left running; its log is /var/log/berth-dockerd.log.
ensure_docker() {
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "Installing: docker.io"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends docker.io >/dev/null
  fi
  if ! docker info >/dev/null 2>&1; then
    echo "Starting dockerd"
    as_root sh -c 'nohup dockerd >/var/log/berth-dockerd.log 2>&1 &'
    local deadline=$((SECONDS + 60))
    until docker info >/dev/null 2>&1; do
      if [ $SECONDS -ge $deadline ]; then
        echo "dockerd did not start within 60 s; see /var/log/berth-dockerd.log" >&2
        exit 1
      fi
      sleep 1
    done
  fi
}

# The engine's default bridge gateway: the host as containers see it. An engine that adopted an existing
# docker0 at start reports no gateway in the bridge's IPAM configuration; the interface's address is the one.
docker_bridge_gateway() {
  local gateway
  gateway=$(docker network inspect bridge --format '{{range .IPAM.Config}}{{.Gateway}}{{end}}' 2>/dev/null || true)
  if [ -z "$gateway" ]; then
    gateway=$(ip -4 -o addr show dev docker0 2>/dev/null | awk '{print $4}' | cut -d/ -f1 | head -n 1 || true)
  fi
  echo "$gateway"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
