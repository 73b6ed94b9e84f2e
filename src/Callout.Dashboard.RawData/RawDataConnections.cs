using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Callout.Dashboard.RawData;

/// <summary>Opens connections to the Raw data database, whichever provider holds it.</summary>
public interface IRawDataConnections
{
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One <see cref="NpgsqlDataSource"/> per app: it owns the connection pool.</summary>
public sealed class PostgreSqlConnections(NpgsqlDataSource dataSource) : IRawDataConnections
{
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}

public sealed class SqliteConnections(string connectionString) : IRawDataConnections
{
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
