#!/usr/bin/env bash
# Installs Berth on a machine without Helm, Kubernetes or containers for the control plane: jars under
# /opt/berth, settings under /etc/berth, state under /var/lib/berth, one systemd unit per component.
#
#   install.sh master --address ADDR [--nodes node-1,node-2,...]
#       Redis (AOF), pod-service, replication-service, the TLS gateway on ADDR:8443, the scheduler. Generates
#       the gateway's certificate (/etc/berth/tls/gateway.crt) and a token per component and node, and prints
#       what each node needs.
#   install.sh node --name NAME --address ADDR --master ADDR --token TOKEN --proxy-token TOKEN --ca FILE
#       A node-agent and a proxy-agent for the node NAME whose pods' ports are published on ADDR.
#
# Options: --root DIR installs into DIR instead of / and does not touch users or systemd (a dry run to
# inspect); --no-build uses the jars already built (./mvnw package) instead of building missing ones.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
# shellcheck source=../scripts/lib/prerequisites.sh
source "$REPO/scripts/lib/prerequisites.sh"
ROOT=/
BUILD=yes
role=${1:-}
[ $# -gt 0 ] && shift
NODES="" NAME="" ADDRESS="" MASTER="" TOKEN="" PROXY_TOKEN="" CA=""
while [ $# -gt 0 ]; do
  case $1 in
    --root) ROOT=$2; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    --address) ADDRESS=$2; shift 2 ;;
    --nodes) NODES=$2; shift 2 ;;
    --name) NAME=$2; shift 2 ;;
    --master) MASTER=$2; shift 2 ;;
    --token) TOKEN=$2; shift 2 ;;
    --proxy-token) PROXY_TOKEN=$2; shift 2 ;;
    --ca) CA=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
need() { [ -n "$2" ] || { echo "$role needs $1" >&2; usage; }; }

etc="$ROOT/etc/berth"
jar() {
  local module=$1 file=$2
  if [ ! -f "$REPO/$module/target/$file" ]; then
    [ "$BUILD" = yes ] || { echo "$REPO/$module/target/$file is missing (./mvnw package)" >&2; exit 1; }
    (cd "$REPO" && ./mvnw -B -q -ntp -DskipTests package)
  fi
  install -m 644 "$REPO/$module/target/$file" "$ROOT/opt/berth/lib/$file"
}
unit() { install -m 644 "$HERE/systemd/berth-$1.service" "$ROOT/etc/systemd/system/berth-$1.service"; }
# Environment files hold tokens: readable by root and the berth group only.
envfile() { install -m 640 /dev/stdin "$etc/$1.env"; }
token() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

prepare() {
  install -d "$ROOT/opt/berth/lib" "$etc/tls" "$ROOT/var/lib/berth" "$ROOT/etc/systemd/system"
  install -m 644 "$REPO/README.md" "$ROOT/opt/berth/README.md"
}

master() {
  need --address "$ADDRESS"
  prepare
  for pair in pod-service:pod-service.jar replication-service:replication-service.jar \
              api-gateway:api-gateway.jar scheduling-service:scheduling-service-exec.jar; do
    jar "${pair%%:*}" "${pair#*:}"
  done
  for u in redis pod-service replication-service api-gateway scheduling-service; do unit "$u"; done

  local password secret gateway="https://$ADDRESS:8443"
  password=$(token)
  secret=$(token)
  rm -f "$etc/tls/gateway.p12" "$etc/tls/truststore.p12"
  keytool -genkeypair -alias gateway -keyalg EC -dname CN=berth-gateway -ext "san=ip:$ADDRESS" -validity 825 \
    -storetype PKCS12 -keystore "$etc/tls/gateway.p12" -storepass "$password" >/dev/null 2>&1
  keytool -exportcert -rfc -alias gateway -keystore "$etc/tls/gateway.p12" -storepass "$password" \
    -file "$etc/tls/gateway.crt" >/dev/null 2>&1
  keytool -importcert -noprompt -alias gateway -file "$etc/tls/gateway.crt" -storetype PKCS12 \
    -keystore "$etc/tls/truststore.p12" -storepass changeit >/dev/null 2>&1

  local admin scheduler controllers proxy
  admin=$(token) scheduler=$(token) controllers=$(token) proxy=$(token)
  {
    echo '# token,user,uid,"groups"'
    echo "$admin,admin,uid-admin,\"system:masters\""
    echo "$scheduler,system:kube-scheduler,uid-scheduler,\"system:kube-scheduler\""
    echo "$controllers,system:kube-controller-manager,uid-controllers,\"system:kube-controller-manager\""
    echo "$proxy,system:kube-proxy,uid-proxy,\"viewers\""
    for node in ${NODES//,/ }; do
      echo "$(token),system:node:$node,uid-$node,\"system:nodes\""
    done
  } | install -m 640 /dev/stdin "$etc/tokens.csv"

  cat >"$etc/redis.conf" <<CONF
bind 127.0.0.1
port 6379
dir /var/lib/berth
appendonly yes
appendfsync everysec
save ""
CONF
  envfile common <<ENV
JAVA_OPTS=-Xmx512m -XX:+UseSerialGC -Djavax.net.ssl.trustStore=/etc/berth/tls/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12
SPRING_DATA_REDIS_HOST=127.0.0.1
SPRING_DATA_REDIS_PORT=6379
ENV
  envfile pod-service <<ENV
SERVER_ADDRESS=127.0.0.1
SERVER_PORT=8081
BERTH_API_GATEWAYSECRET=$secret
ENV
  envfile replication-service <<ENV
SERVER_ADDRESS=127.0.0.1
SERVER_PORT=8082
BERTH_API_GATEWAYSECRET=$secret
BERTH_CONTROLLERS_API_PODSURL=$gateway
BERTH_CONTROLLERS_API_CONTROLLERSURL=$gateway
BERTH_CONTROLLERS_API_TOKEN=$controllers
ENV
  envfile api-gateway <<ENV
SERVER_ADDRESS=$ADDRESS
SERVER_PORT=8443
SERVER_SSL_KEYSTORE=/etc/berth/tls/gateway.p12
SERVER_SSL_KEYSTOREPASSWORD=$password
SERVER_SSL_KEYSTORETYPE=PKCS12
BERTH_GATEWAY_TOKENFILE=/etc/berth/tokens.csv
BERTH_GATEWAY_BACKENDSECRET=$secret
ENV
  envfile scheduling-service <<ENV
SERVER_ADDRESS=127.0.0.1
SERVER_PORT=10259
BERTH_SCHEDULER_APISERVER=$gateway
BERTH_SCHEDULER_TOKEN=$scheduler
ENV
  activate redis pod-service replication-service api-gateway scheduling-service
  echo "Master installed. kubectl: server $gateway, CA $etc/tls/gateway.crt, admin token $admin"
  echo "For each node, copy $etc/tls/gateway.crt to it and run:"
  for node in ${NODES//,/ }; do
    echo "  install.sh node --name $node --address <its address> --master $ADDRESS --ca gateway.crt" \
      "--token $(grep ",system:node:$node," "$etc/tokens.csv" | cut -d, -f1) --proxy-token $proxy"
  done
}

node() {
  need --name "$NAME"; need --address "$ADDRESS"; need --master "$MASTER"; need --token "$TOKEN"
  need --proxy-token "$PROXY_TOKEN"; need --ca "$CA"
  prepare
  jar node-agent node-agent.jar
  jar proxy-agent proxy-agent.jar
  unit node-agent
  unit proxy-agent
  install -m 644 "$CA" "$etc/tls/gateway.crt"
  rm -f "$etc/tls/truststore.p12"
  keytool -importcert -noprompt -alias gateway -file "$etc/tls/gateway.crt" -storetype PKCS12 \
    -keystore "$etc/tls/truststore.p12" -storepass changeit >/dev/null 2>&1
  local gateway="https://$MASTER:8443" bridge=""
  bridge=$(docker_bridge_gateway)
  envfile common <<ENV
JAVA_OPTS=-Xmx256m -XX:+UseSerialGC -Djavax.net.ssl.trustStore=/etc/berth/tls/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12
ENV
  envfile node-agent <<ENV
SERVER_ADDRESS=$ADDRESS
SERVER_PORT=10250
BERTH_NODE_NODENAME=$NAME
BERTH_NODE_ADDRESS=$ADDRESS
BERTH_NODE_APISERVER=$gateway
BERTH_NODE_TOKEN=$TOKEN
BERTH_NODE_APICAFILE=/etc/berth/tls/gateway.crt
BERTH_NODE_SERVICEHOST=$bridge
ENV
  envfile proxy-agent <<ENV
SERVER_ADDRESS=$ADDRESS
SERVER_PORT=10256
BERTH_PROXY_NODEADDRESS=$ADDRESS
BERTH_PROXY_PODADDRESS=$bridge
BERTH_PROXY_APISERVER=$gateway
BERTH_PROXY_TOKEN=$PROXY_TOKEN
ENV
  activate node-agent proxy-agent
  echo "Node $NAME installed; it registers with $gateway."
}

# On a real root: a system user, ownership, and the units enabled and started. With --root: files only.
activate() {
  if [ "$ROOT" != / ]; then
    echo "Dry run into $ROOT: no user, no systemctl."
    return
  fi
  id berth >/dev/null 2>&1 || useradd --system --home /var/lib/berth --shell /usr/sbin/nologin berth
  chown -R berth:berth /var/lib/berth
  chgrp -R berth /etc/berth
  systemctl daemon-reload
  for u in "$@"; do systemctl enable --now "berth-$u.service"; done
}

case $role in
  master) master ;;
  node) node ;;
  *) usage ;;
esac
