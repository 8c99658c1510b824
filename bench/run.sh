#!/usr/bin/env bash
# Taskbot's benchmark: every target of the "cost follows the work" issue side by side with a baseline measured in the
# same run, reported as ratios (bench/Bench.java says what each phase measures). Builds what is missing, starts every
# server itself on free loopback ports, and stops them at the end.
#   bench/run.sh quick    ~10 minutes on a quiet machine: small stores, one round per client count
#   bench/run.sh full     about an hour: 10K -> 200K events, two rounds, H2 then PostgreSQL
#   bench/run.sh h2       the full run without the PostgreSQL phases (quick-h2: the quick one)
# Environment: BENCH_POSTGRES_URL (jdbc:postgresql://127.0.0.1:5432/test; a fresh schema per run, dropped at the end),
# BENCH_POSTGRES_USER (postgres), TASKBOT_JAVA_OPTS (the JVM options of the README's run command),
# BENCH_AGENT_ACCURACY (the interpreter accuracy AgentCorpusIT reported, to show in the summary table).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
# keep in step with the run command in README.md ("Set-up"): the RSS target is measured with it
taskbot_java_opts=${TASKBOT_JAVA_OPTS--Xmx320m}

[ -f app/target/taskbot.jar ] || ./mvnw -B -q package -DskipTests
[ -f bench/baseline/target/bench-baseline.jar ] || ./mvnw -B -q -f bench/baseline/pom.xml package -DskipTests

# the JDBC drivers for the raw-insert floors and the size queries: the very ones inside the Taskbot jar
drivers=$(mktemp -d)
trap 'rm -rf "$drivers"' EXIT
(cd "$drivers" && unzip -q -j "$OLDPWD/app/target/taskbot.jar" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar')

echo "uptime at start: $(uptime)"
# BENCH_JAVA_OPTS: e.g. "-Dbench.large-store=5000 -Dbench.seconds=5" shrinks one size of the mode (Bench.overridden)
java -cp "$drivers/*" ${BENCH_JAVA_OPTS-} \
  -Dbench.taskbot-jvm="$taskbot_java_opts" \
  -Dbench.postgres-url="${BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}" \
  -Dbench.postgres-user="${BENCH_POSTGRES_USER:-postgres}" \
  -Dbench.agent-accuracy="${BENCH_AGENT_ACCURACY:-reported by AgentCorpusIT}" \
  bench/Bench.java "$mode"
echo "uptime at end: $(uptime)"
