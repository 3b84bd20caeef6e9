# Extensible in a container: docker build -t extensible . && docker run -p 8080:8080 -v extensible-data:/data extensible
# Without a connection string the host runs its own PostgreSQL in /data (set ConnectionStrings__Extensible to use a server).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The console's browser packages come from npm during the build.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish host/Extensible.Host -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# PostgreSQL server binaries for the embedded default database; the distribution's packaging must not create a cluster of its own.
RUN mkdir -p /etc/postgresql-common \
    && echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --user-group --create-home --shell /usr/sbin/nologin extensible \
    && mkdir -p /data /plugins \
    && chown extensible:extensible /data /plugins
WORKDIR /app
COPY --from=build /app .
ENV Extensible__DataDir=/data \
    Extensible__PluginsDir=/plugins
USER extensible
VOLUME ["/data", "/plugins"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/readyz || exit 1
ENTRYPOINT ["dotnet", "Extensible.Host.dll", "--urls", "http://0.0.0.0:8080"]
