# comment-moderation: the microbundle (Payara Micro + the application) on a JRE.
# Build the jar first: mvn -B -DskipTests package
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app comments \
 && mkdir -p /app/data /app/config \
 && chown -R comments /app
WORKDIR /app

COPY target/comment-moderation-microbundle.jar /app/comment-moderation.jar
COPY config/moderation-rules.yaml /app/config/moderation-rules.yaml

USER comments
EXPOSE 8080
# Embedded H2 lives in /app/data unless COMMENTS_DB_URL points at PostgreSQL.
VOLUME /app/data

# Heap: BENCHMARKS.md ("Memory"): on 1M comments under mixed load the heap in use after a full GC
# was 71-77 MiB at -Xmx256m and -Xmx512m; 384m leaves G1 about five times that for the young
# generation (provisional until bench/heap.sh runs on a quiet machine). Override with JAVA_OPTS.
ENV JAVA_OPTS="-Xms384m -Xmx384m -XX:+ExitOnOutOfMemoryError"

HEALTHCHECK --interval=30s --timeout=3s --start-period=60s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]

ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/comment-moderation.jar --port 8080 --nocluster \"$@\"", "--"]
