# syntax=docker/dockerfile:1
# Builds the runnable jar with the Maven wrapper, then runs it on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY shared-kernel/pom.xml shared-kernel/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY chat-agent/pom.xml chat-agent/
COPY app/pom.xml app/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data taskbot && mkdir -p /data && chown taskbot /data
COPY --from=build /src/app/target/taskbot.jar /opt/taskbot/taskbot.jar
USER taskbot
WORKDIR /data
ENV TASKBOT_DATA_DIR=/data
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD wget -qO- http://127.0.0.1:8000/api/v1/health >/dev/null 2>&1 || exit 1
# the heap bound of the README's run command: the whole node fits in it, and the RSS stays under 700 MB
ENTRYPOINT ["java", "-Xmx320m", "-jar", "/opt/taskbot/taskbot.jar"]
