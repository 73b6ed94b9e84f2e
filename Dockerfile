# Container images of the Callout Dashboard.
#
#   docker build -t callout-dashboard .                          # the web app (default, last stage)
#   docker build -t callout-simulator --target simulator .       # the demo traffic simulator
#
# docker-compose.yml builds both with explicit targets.

# ---------------------------------------------------------------------------------------------------
# build: restore once from the project files only (cached until a csproj or props file changes),
# then copy the sources and publish both apps.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

COPY global.json Directory.Build.props Directory.Packages.props ./
# Every src project the two apps reference; add a line here when a new project is added.
COPY src/Callout.Dashboard.Domain/Callout.Dashboard.Domain.csproj src/Callout.Dashboard.Domain/
COPY src/Callout.Dashboard.RawData/Callout.Dashboard.RawData.csproj src/Callout.Dashboard.RawData/
COPY src/Callout.Dashboard/Callout.Dashboard.csproj src/Callout.Dashboard/
COPY src/Callout.Dashboard.Simulator/Callout.Dashboard.Simulator.csproj src/Callout.Dashboard.Simulator/
RUN dotnet restore src/Callout.Dashboard/Callout.Dashboard.csproj \
 && dotnet restore src/Callout.Dashboard.Simulator/Callout.Dashboard.Simulator.csproj

# The rest of the build context: src/ and wwwroot-assets/ (.dockerignore keeps out tests/, docs/,
# bin/, obj/, the local SQLite demo data and .git).
COPY . .
RUN dotnet publish src/Callout.Dashboard/Callout.Dashboard.csproj \
        -c Release --no-restore -o /app/dashboard /p:UseAppHost=false \
 && dotnet publish src/Callout.Dashboard.Simulator/Callout.Dashboard.Simulator.csproj \
        -c Release --no-restore -o /app/simulator /p:UseAppHost=false

# ---------------------------------------------------------------------------------------------------
# simulator: console app that writes simulated Puzzel callout traffic into a Raw data database.
# Arguments come from `docker run ... callout-simulator --provider PostgreSQL --connection "..." ...`
# or from `command:` in docker-compose.yml.
FROM mcr.microsoft.com/dotnet/runtime:10.0 AS simulator
WORKDIR /app
COPY --from=build /app/simulator ./
# The non-root user that the .NET images provide (APP_UID is set by the base image).
USER $APP_UID
ENTRYPOINT ["dotnet", "Callout.Dashboard.Simulator.dll"]

# ---------------------------------------------------------------------------------------------------
# dashboard (default target): the ASP.NET Core web app. The aspnet image sets
# ASPNETCORE_HTTP_PORTS=8080, so it listens on 8080 inside the container.
#
# No HEALTHCHECK here: the aspnet image has no curl or wget, and adding one just for a probe would
# grow the image and its attack surface. Probe GET /healthz from the orchestrator instead (a load
# balancer, Kubernetes httpGet probe, or an uptime monitor); /healthz answers "degraded" when Raw
# data polls fail.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dashboard
WORKDIR /app
COPY --from=build /app/dashboard ./
# With no connection string the app creates its embedded SQLite demo database in /app/data; give
# the non-root user a writable folder there so `docker run -p 8080:8080 callout-dashboard` works.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Callout.Dashboard.dll"]
