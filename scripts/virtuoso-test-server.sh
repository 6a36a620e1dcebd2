#!/usr/bin/env bash
# Starts (or stops) a private Virtuoso 7 for the push integration tests: bound to
# 127.0.0.1 only, database in a temporary folder, dba/dba. Used by .ci/run and by
# tests/push.rs when NEWSGRAPH_VIRTUOSO_URL is not set.
#
#   scripts/virtuoso-test-server.sh start DIR [HTTP_PORT [SQL_PORT]]   prints the HTTP base URL
#   scripts/virtuoso-test-server.sh stop DIR
set -euo pipefail
cmd=${1:?usage: virtuoso-test-server.sh start|stop DIR [HTTP_PORT [SQL_PORT]]}
dir=${2:?usage: virtuoso-test-server.sh start|stop DIR [HTTP_PORT [SQL_PORT]]}
case "$cmd" in
start)
  http=${3:-18890}
  sql=${4:-11111}
  bin=$(command -v virtuoso-t || true)
  if [ -z "$bin" ]; then
    echo "virtuoso-t not found: apt-get install virtuoso-opensource" >&2
    exit 1
  fi
  if curl -sS -o /dev/null "http://127.0.0.1:$http/" 2>/dev/null; then
    echo "port $http on 127.0.0.1 is already taken: choose another HTTP_PORT" >&2
    exit 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  vad=/usr/share/virtuoso-opensource-7/vad
  cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql
LiteModeOn = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., $dir, $vad
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
VADInstallDir = $vad
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 256
MaxMemPoolSize = 200000000
PrefixResultNames = 0
MacSpotlight = 0
IndexTreeMaps = 64
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000

[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
DefaultMailServer = localhost:25
MaxKeepAlives = 10
KeepAliveTimeout = 10
MaxCachedProxyConnections = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
MaintenancePage = atomic.html
EnabledGzipContent = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[VDB]
ArrayOptimization = 0
NumArrayParameters = 10
VDBDisconnectTimeout = 1000
KeepConnectionOnFixedThread = 0

[Replication]
ServerName = newsgraph-test
ServerEnable = 1
QueueMax = 50000

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
DefaultQuery = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit = 0
INI
  # started from its folder, with no descriptor of ours: the caller's pipes close at once
  cd "$dir"
  nohup "$bin" +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  cd - >/dev/null
  url="http://127.0.0.1:$http"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url/sparql?query=ASK%7B%7D" 2>/dev/null; then
      echo "$url"
      exit 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      echo "virtuoso exited; log follows" >&2
      tail -30 "$dir/virtuoso.log" "$dir/stdout.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  echo "virtuoso did not answer on $url within 60 s" >&2
  tail -30 "$dir/virtuoso.log" >&2 || true
  exit 1
  ;;
stop)
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/pid"
  fi
  ;;
*)
  echo "usage: virtuoso-test-server.sh start|stop DIR [HTTP_PORT [SQL_PORT]]" >&2
  exit 2
  ;;
esac
