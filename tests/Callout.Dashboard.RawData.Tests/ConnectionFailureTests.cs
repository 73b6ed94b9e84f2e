using System.Net.Sockets;
using Callout.Dashboard.RawData;
using Npgsql;

namespace Callout.Dashboard.RawData.Tests;

/// <summary>Which failures to reach the database are an operator's mistake (stop start-up) and which may pass (ride them out).</summary>
public sealed class ConnectionFailureTests
{
    [Theory]
    [InlineData("28P01", "refused the login")]
    [InlineData("28000", "refused the login")]
    [InlineData("3D000", "Check Database.")]
    public void Mistake_ServerRefusesOrHasNoSuchDatabase_NamesTheSettingAndWhatToCheck(string sqlState, string advice)
    {
        var mistake = ConnectionFailure.Mistake(new PostgresException("the server's words", "FATAL", "FATAL", sqlState));

        Assert.StartsWith("ConnectionStrings:RawData", mistake);
        Assert.Contains(advice, mistake);
        Assert.Contains("the server's words", mistake);
    }

    [Fact]
    public void Mistake_HostNameDoesNotResolve_IsOne()
    {
        var wrapped = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.HostNotFound));

        Assert.Contains("Check Host.", ConnectionFailure.Mistake(wrapped));
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.TimedOut)]
    // A name server that did not answer may answer the next time.
    [InlineData(SocketError.TryAgain)]
    public void Mistake_ServerDownOrNetworkTrouble_IsNone(SocketError error)
    {
        Assert.Null(ConnectionFailure.Mistake(new NpgsqlException("Failed to connect", new SocketException((int)error))));
    }

    [Fact]
    public void Mistake_ServerStartingUpOrTimedOut_IsNone()
    {
        Assert.Null(ConnectionFailure.Mistake(new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")));
        Assert.Null(ConnectionFailure.Mistake(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
    }
}
