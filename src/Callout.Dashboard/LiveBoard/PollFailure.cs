using System.Data.Common;
using System.Net.Sockets;
using Callout.Dashboard.RawData;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// What a failed poll tells the screens: the kind of failure, never the database's own words, which can name the
/// host, port, user or SQL (wall displays hang in open rooms). The full text goes to the log and to admins.
/// </summary>
public static class PollFailure
{
    /// <summary>The kind of failure behind <paramref name="exception"/>, in words fit for any screen.</summary>
    public static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RawDataSchemaException:
                    return MissingSchema;
                case TimeoutException:
                case DbException { SqlState: "57014" }:
                    return TimedOut;
            }
        }
        return exception is DbException or SocketException || exception.InnerException is SocketException ? Unreachable : Other;
    }

    public const string MissingSchema = "the Raw data database lacks a table or column the board needs (see the log)";
    public const string TimedOut = "a Raw data query timed out";
    public const string Unreachable = "the Raw data database cannot be reached";
    public const string Other = "reading Raw data failed (see the log)";
}
