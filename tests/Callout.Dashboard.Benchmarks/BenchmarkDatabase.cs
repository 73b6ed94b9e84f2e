using System.Data;
using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Dapper;
using Npgsql;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// A throwaway database on the given server with the shipped schema, seeded server-side with
/// Puzzel-shaped traffic. Disposing it drops the database.
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    public static readonly TimeSpan History = TimeSpan.FromDays(60);

    // Calls evenly spread over the history, four rows each: 30% callouts (i, q 'q', c ciq=a, c ciq=c in a
    // __Callout_ queue), 70% inbound (i, m, q, c in an Inbound_ queue). Every row of a call carries one
    // dte_updated a few minutes after the call, as Puzzel writes a session's rows once it has ended (§3).
    // One callout in 50 is scheduled (long Initiation, dte_scheduled_callback); one in 1000 is still
    // pending, so it has only its order rows. call_id is scattered: Puzzel's call_ids are not monotonic.
    private const string SeedCalls = """
        WITH shape (callout, seq, event_type, ciq, start_offset_s, duration_s, speak_s, result_code) AS (VALUES
            (true,  1, 'i', NULL, 0,  1,   NULL, NULL),
            (true,  2, 'q', NULL, 1,  0,   NULL, 'q'),
            (true,  3, 'c', 'a',  2,  95,  90,   'k'),
            (true,  4, 'c', 'c',  5,  85,  80,   'k'),
            (false, 1, 'i', NULL, 0,  180, NULL, NULL),
            (false, 2, 'm', NULL, 1,  15,  NULL, 'k'),
            (false, 3, 'q', NULL, 16, 40,  NULL, 'k'),
            (false, 4, 'c', NULL, 56, 120, 110,  'k')),
        calls AS (
            SELECT g,
                   7000000000000 + (g * 7919) % 2147483647 AS call_id,
                   g % 10 < 3 AS callout,
                   g % 50 = 1 AS scheduled,
                   g % 1000 = 1 AS pending,
                   1000 + g % 200 AS agent_id,
                   @start + g * @spacingSeconds * interval '1 second' AS t0
            FROM generate_series(0::bigint, @calls - 1) AS g)
        INSERT INTO call_events (call_id, call_sequence, dte_start, duration_tot_sec, duration_speak_sec, source,
            destination, queue_key, agent_id, event_type, result_code, ciq, internal_iq_session_id, dte_updated,
            dte_scheduled_callback, leg_type, originating)
        SELECT c.call_id,
               s.seq,
               c.t0 + s.start_offset_s * interval '1 second',
               CASE WHEN c.scheduled AND s.seq = 1 THEN 3600 ELSE s.duration_s END,
               s.speak_s,
               CASE WHEN s.event_type = 'i' THEN (CASE WHEN c.callout THEN '4722' ELSE '4791' END) || lpad((c.g % 1000000)::text, 6, '0') END,
               CASE WHEN s.event_type = 'i' THEN '4780000000'
                    WHEN s.event_type = 'c' AND s.ciq IS DISTINCT FROM 'c' THEN '4790' || lpad(c.agent_id::text, 6, '0')
                    WHEN s.ciq = 'c' THEN '4722' || lpad((c.g % 1000000)::text, 6, '0') END,
               CASE WHEN s.event_type IN ('q', 'c') THEN
                    CASE WHEN c.callout THEN (ARRAY['__Callout_Sales', '__Callout_Support'])[c.g % 2 + 1]
                         ELSE (ARRAY['Inbound_Sales', 'Inbound_Support', 'Inbound_Billing'])[c.g % 3 + 1] END END,
               CASE WHEN s.event_type = 'c' AND s.ciq IS DISTINCT FROM 'c' THEN c.agent_id END,
               s.event_type,
               CASE WHEN s.ciq = 'c' AND c.g % 5 = 0 THEN 't' ELSE s.result_code END,
               s.ciq,
               gen_random_uuid(),
               c.t0 + (180 + 60 * (c.g % 4)) * interval '1 second',
               CASE WHEN c.scheduled AND s.seq = 1 THEN (c.t0 + interval '1 hour')::timestamptz END,
               CASE WHEN s.event_type = 'c' AND s.ciq IS DISTINCT FROM 'c' THEN 'Agent' END,
               CASE WHEN s.ciq = 'c' THEN '4780000000' END
        FROM calls c
        JOIN shape s ON s.callout = c.callout
        WHERE NOT (c.pending AND s.seq > 2)
        """;

    // Log on, pause, return, log off, cycling over 200 agents across the same history.
    private const string SeedAgentEvents = """
        INSERT INTO agent_events (agent_id, event_type, event_source, dte_start, duration_sec, pause_type, dte_updated)
        SELECT 1000 + a % 200,
               (ARRAY['i', 'p', 'r', 'o'])[(a / 200) % 4 + 1],
               'w',
               t,
               0,
               CASE WHEN (a / 200) % 4 = 1 THEN 'Lunch' END,
               t + interval '1 minute'
        FROM generate_series(0::bigint, @count - 1) AS a
        CROSS JOIN LATERAL (SELECT @start + a * @spacingSeconds * interval '1 second' AS t) AS x
        """;

    // Puzzel's rewrite rule (§3): every row of a rewritten call gets a new dte_updated. The newest calls
    // are the ones a later session (the callout's conversation legs) lands on. The seeded stamps are kept
    // aside so a kept database can be put back as seeded before its next run.
    private const string RewriteNewestCalls = """
        WITH target AS (SELECT call_id FROM call_events WHERE event_type = 'i' ORDER BY dte_start DESC LIMIT @count),
        saved AS (
          INSERT INTO bench_seeded_updates (rec_id, dte_updated)
          SELECT rec_id, dte_updated FROM call_events WHERE call_id IN (SELECT call_id FROM target)
          ON CONFLICT (rec_id) DO NOTHING)
        UPDATE call_events SET dte_updated = @stamp
        WHERE call_id IN (SELECT call_id FROM target)
        """;

    private const string CreateSeededUpdates = "CREATE TABLE IF NOT EXISTS bench_seeded_updates (rec_id bigint PRIMARY KEY, dte_updated timestamp)";

    private const string RestoreSeededUpdates = """
        UPDATE call_events ce SET dte_updated = s.dte_updated FROM bench_seeded_updates s WHERE s.rec_id = ce.rec_id;
        TRUNCATE bench_seeded_updates;
        """;

    private const string CountChangedCalls = "SELECT count(DISTINCT call_id) FROM call_events WHERE dte_updated > @since";

    private readonly string _serverConnectionString;
    private readonly bool _keep;

    private BenchmarkDatabase(string serverConnectionString, string name, bool keep)
    {
        _serverConnectionString = serverConnectionString;
        _keep = keep;
        Name = name;
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString);
        Connections = new PostgreSqlConnections(DataSource);
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    public IRawDataConnections Connections { get; }

    /// <summary>
    /// Creates <c>bench_&lt;random&gt;</c> on the server, dropped on dispose; or, given a name, opens that
    /// database (creating it if missing) and keeps it, so a later run reuses its rows instead of seeding again.
    /// Either way the shipped PostgreSQL schema is applied.
    /// </summary>
    public static async Task<BenchmarkDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken, string? keptName = null)
    {
        // CREATE DATABASE takes no parameters; the name is our own hex or checked by PollCostSettings, so splicing it in is safe.
        var name = keptName ?? "bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(serverConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            var exists = keptName is not null && await admin.ExecuteScalarAsync<bool>(
                new CommandDefinition("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name }, cancellationToken: cancellationToken));
            if (!exists)
            {
                await admin.ExecuteAsync(new CommandDefinition($"CREATE DATABASE {name}", cancellationToken: cancellationToken));
            }
        }
        var database = new BenchmarkDatabase(serverConnectionString, name, keep: keptName is not null);
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await SchemaScripts.ApplyAsync(connection, RawDataProvider.PostgreSql, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(CreateSeededUpdates, cancellationToken: cancellationToken));
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows of a kept database seeded by an earlier run, with that run's rewrites undone; null when it is empty.</summary>
    public async Task<(long CallEvents, long AgentEvents)?> ReuseSeedAsync(CancellationToken cancellationToken)
    {
        var callEvents = await ScalarAsync<long>("SELECT count(*) FROM call_events", null, cancellationToken);
        if (callEvents == 0)
        {
            return null;
        }
        await ExecuteAsync(RestoreSeededUpdates, null, cancellationToken);
        var agentEvents = await ScalarAsync<long>("SELECT count(*) FROM agent_events", null, cancellationToken);
        return (callEvents, agentEvents);
    }

    /// <summary>Seeds about <paramref name="rows"/> call_events ending shortly before <paramref name="now"/>, plus agent events, then VACUUM ANALYZE.</summary>
    public async Task<(long CallEvents, long AgentEvents)> SeedAsync(int rows, DateTime now, CancellationToken cancellationToken)
    {
        // The newest call starts ten minutes before now, so even its dte_updated lies in the past.
        var start = now - History;
        var calls = (rows + 3) / 4;
        await ExecuteAsync(SeedCalls, new { start, calls = (long)calls, spacingSeconds = (History - TimeSpan.FromMinutes(10)).TotalSeconds / calls }, cancellationToken);
        var callEvents = await ScalarAsync<long>("SELECT count(*) FROM call_events", null, cancellationToken);

        var agentEvents = Math.Max(1, callEvents / 20);
        await ExecuteAsync(SeedAgentEvents, new { start, count = agentEvents, spacingSeconds = (History - TimeSpan.FromMinutes(10)).TotalSeconds / agentEvents }, cancellationToken);
        // Fresh statistics and a visibility map, as autovacuum keeps them on a live database; without the map
        // no index-only scan is possible, and whether autovacuum got there first would decide the plans.
        await ExecuteAsync("VACUUM ANALYZE", null, cancellationToken);
        return (callEvents, agentEvents);
    }

    /// <summary>Stamps every row of the <paramref name="count"/> newest calls with <paramref name="stamp"/>.</summary>
    public Task RewriteNewestCallsAsync(int count, DateTime stamp, CancellationToken cancellationToken) =>
        ExecuteAsync(RewriteNewestCalls, new { count, stamp }, cancellationToken);

    public Task<long> CountChangedCallsAsync(DateTime since, CancellationToken cancellationToken) =>
        ScalarAsync<long>(CountChangedCalls, new { since }, cancellationToken);

    /// <summary>Runs <paramref name="sql"/> (an EXPLAIN) after <paramref name="settings"/> (SET LOCAL …) and returns its lines.</summary>
    public async Task<IReadOnlyList<string>> QueryLinesAsync(string sql, object parameters, CancellationToken cancellationToken, string? settings = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (settings is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(settings, transaction: transaction, cancellationToken: cancellationToken));
        }
        var lines = await connection.QueryAsync<string>(new CommandDefinition(sql, parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return [.. lines];
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_keep)
        {
            return;
        }
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        // FORCE: a cancelled statement may still hold a connection to the database.
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        // Seeding ten million rows takes minutes: no statement timeout here. Text, because Dapper would take
        // a lone word such as ANALYZE for a stored procedure.
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, commandTimeout: 0, commandType: CommandType.Text, cancellationToken: cancellationToken));
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, commandTimeout: 0, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"No value from: {sql}");
    }
}
