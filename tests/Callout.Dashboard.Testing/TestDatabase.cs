using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Callout.Dashboard.Testing;

/// <summary>
/// A fresh Raw data database with the shipped schema: a new database on the throwaway PostgreSQL server
/// that build/test.sh starts, or a new SQLite file. A missing server fails the test; it never skips.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CALLOUT_TEST_PG";

    private readonly NpgsqlDataSource? _dataSource;
    private readonly string? _file;

    private TestDatabase(string provider, string connectionString, IRawDataConnections connections, NpgsqlDataSource? dataSource, string? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Connections = connections;
        Writer = new RawDataWriter(connections);
        _dataSource = dataSource;
        _file = file;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public IRawDataConnections Connections { get; }

    public RawDataWriter Writer { get; }

    /// <summary>A database of one of Puzzel's shapes: the current one, one older than v1.6, or a live mirror's.</summary>
    public static Task<TestDatabase> CreateAsync(string provider, SchemaShape shape = SchemaShape.Current) =>
        RawDataProvider.IsPostgreSql(provider) ? CreatePostgresAsync(shape) : CreateSqliteAsync(shape);

    /// <summary>An empty database on the test server, for tests that bring their own schema.</summary>
    public static async Task<string> CreateEmptyPostgresDatabaseAsync()
    {
        var server = PostgresServer();
        var name = "raw_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>An empty database on the test server with what <paramref name="sql"/> makes in it (someone else's tables, a damaged schema).</summary>
    public static async Task<string> CreatePostgresDatabaseWithAsync(string sql)
    {
        var connectionString = await CreateEmptyPostgresDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    /// <summary>
    /// A role whose password the test server really checks (build/test.sh puts
    /// <c>host all callout_wrongpw 127.0.0.1/32 scram-sha-256</c> before its trust lines), for the wrong-password tests.
    /// </summary>
    public const string PasswordCheckedRole = "callout_wrongpw";

    /// <summary>
    /// A connection string to the test server as <see cref="PasswordCheckedRole"/> with a wrong password. Fails, rather
    /// than let a test pass for the wrong reason, when the server takes any password for that role.
    /// </summary>
    public static async Task<string> WrongPasswordConnectionStringAsync()
    {
        await using (var admin = new NpgsqlConnection(PostgresServer()))
        {
            await admin.OpenAsync();
            // Test runs in parallel may create it at the same moment: one of them wins, the others find it there.
            await using var create = new NpgsqlCommand(
                $"DO $$ BEGIN CREATE ROLE {PasswordCheckedRole} LOGIN PASSWORD 'the-right-one'; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$", admin);
            await create.ExecuteNonQueryAsync();
        }
        var wrong = new NpgsqlConnectionStringBuilder(PostgresServer()) { Username = PasswordCheckedRole, Password = "not-the-right-one", Database = "postgres", Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(wrong);
            await connection.OpenAsync();
        }
        catch (PostgresException refused) when (refused.SqlState == "28P01")
        {
            return wrong;
        }
        throw new InvalidOperationException(
            $"The test server let {PasswordCheckedRole} in with a wrong password: its pg_hba.conf must check that role's password, as build/test.sh sets up (host all {PasswordCheckedRole} 127.0.0.1/32 scram-sha-256, before the trust lines).");
    }

    /// <summary>The connection string of the test server, where tests may create databases.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException(
                $"{PostgresVariable} is not set. The data tests need a real PostgreSQL server: run ./build/test.sh, which starts a throwaway one.")
            : server;
    }

    /// <summary>
    /// A PostgreSQL database with one callout ordered in each of <paramref name="queues"/>, call ids 101, 202, … in
    /// turn, ordered 30, 20, … seconds ago: the start of the access tests.
    /// </summary>
    public static async Task<TestDatabase> WithOneOrderPerQueueAsync(params string[] queues)
    {
        var db = await CreatePostgresAsync();
        var now = Oslo.Now();
        for (var i = 0; i < queues.Length; i++)
        {
            await db.Writer.WriteCallAsync(new CallRows(101 * (i + 1), now.AddSeconds(-30 + 10 * i), queues[i]).Order());
        }
        return db;
    }

    public static async Task<TestDatabase> CreatePostgresAsync(SchemaShape shape = SchemaShape.Current)
    {
        var connectionString = await CreateEmptyPostgresDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var database = new TestDatabase(RawDataProvider.PostgreSql, connectionString, new PostgreSqlConnections(dataSource), dataSource, null);
        await database.ApplySchemaAsync(shape);
        return database;
    }

    public static async Task<TestDatabase> CreateSqliteAsync(SchemaShape shape = SchemaShape.Current)
    {
        var file = Path.Combine(Path.GetTempPath(), $"callout-raw-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        var database = new TestDatabase(RawDataProvider.Sqlite, connectionString, new SqliteConnections(connectionString), null, file);
        await database.ApplySchemaAsync(shape);
        return database;
    }

    public RawDataReader Reader(RawDataOptions? options = null) => new(Connections, options ?? new RawDataOptions());

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task ApplySchemaAsync(SchemaShape shape)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await SchemaScripts.ApplyAsync(connection, Provider, shape);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
            // CALLOUT_TEST_PG may be a server the developer keeps: leave no database behind on it.
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var admin = new NpgsqlConnection(PostgresServer());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
