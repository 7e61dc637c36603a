# shellcheck shell=bash
# What the gateway benchmarks share (after bench/lib/processes.sh and start_redis): the gateway's credentials and
# starting one gateway in front of a pod-service.

# The gateway's certificate ($WORK/gateway.p12, gateway.crt) and one admin token (TOKEN, $WORK/tokens.csv), as
# ./berth makes them.
gateway_credentials() {
  keytool -genkeypair -alias gateway -keyalg EC -dname CN=berth -ext san=ip:127.0.0.1 -validity 2 \
    -storetype PKCS12 -keystore "$WORK/gateway.p12" -storepass changeit >/dev/null 2>&1
  keytool -exportcert -rfc -alias gateway -keystore "$WORK/gateway.p12" -storepass changeit \
    -file "$WORK/gateway.crt" >/dev/null 2>&1
  TOKEN=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' '# token,user,uid,"groups"' "$TOKEN,admin,uid-admin,\"system:masters\"" >"$WORK/tokens.csv"
}

# start_gateway JAR PORT POD_SERVICE_PORT LOG [JVM options...]: sets GATEWAY_PID. The rate limit is raised out of
# the way: the benchmarks measure the path, not the limiter's refusals.
start_gateway() {
  local jar=$1 port=$2 api_port=$3 log=$4
  shift 4
  java -Xmx2g "$@" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
    --server.ssl.key-store="$WORK/gateway.p12" --server.ssl.key-store-password=changeit \
    --server.ssl.key-store-type=PKCS12 --spring.data.redis.port="$REDIS_PORT" \
    --berth.gateway.token-file="$WORK/tokens.csv" --berth.gateway.backend-secret=bench \
    --berth.rate-limit.requests-per-second=1000000 --berth.rate-limit.burst=1000000 \
    "--spring.cloud.discovery.client.simple.instances.pod-service[0].uri=http://127.0.0.1:$api_port" \
    --logging.level.root=WARN >"$log" 2>&1 &
  pids+=($!)
  GATEWAY_PID=$!
}
