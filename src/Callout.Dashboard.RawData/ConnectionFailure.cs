using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Callout.Dashboard.RawData;

/// <summary>
/// Sorts a failure to reach the Raw data database: an operator's mistake in ConnectionStrings:RawData that no retry
/// mends (a refused login, a database or host name that does not exist, a file that cannot be opened), or an outage that
/// may end by itself (a server down or restarting, a network cut, a timeout).
/// </summary>
public static class ConnectionFailure
{
    /// <summary>One sentence naming the setting and what to check; null when waiting may mend it.</summary>
    public static string? Mistake(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 28000 also covers a role that does not exist and a host pg_hba.conf does not let in.
                case PostgresException { SqlState: "28P01" or "28000" } refused:
                    return $"ConnectionStrings:RawData: the database server refused the login ({refused.Message}). Check Username and Password, and that the server lets this host in.";
                case PostgresException { SqlState: "3D000" } missing:
                    return $"ConnectionStrings:RawData names a database the server does not have ({missing.Message}). Check Database.";
                // TryAgain is a name server that did not answer: that may pass.
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } unknown:
                    return $"ConnectionStrings:RawData names a host that does not resolve ({unknown.Message}). Check Host.";
                case SqliteException { SqliteErrorCode: 14 } cannotOpen:
                    return $"ConnectionStrings:RawData names a SQLite file that cannot be opened ({cannotOpen.Message}). Check Data Source: its folder must exist and the app may read and write it.";
            }
        }
        return null;
    }
}

/// <summary>The Raw data database cannot be used as configured, and waiting will not change that; the message says what to fix.</summary>
public sealed class RawDataConnectionException(string message, Exception inner) : Exception(message, inner);
