using System.Data.Common;
using Dapper;

namespace Callout.Dashboard.RawData;

/// <summary>
/// The shipped Puzzel-shaped schema, for the embedded demo, tests and docker-compose. Never applied to a
/// database the app was pointed at.
/// </summary>
public static class SchemaScripts
{
    public static string For(string provider)
    {
        var name = RawDataProvider.IsPostgreSql(provider) ? "postgresql.sql" : "sqlite.sql";
        using var stream = typeof(SchemaScripts).Assembly.GetManifestResourceStream($"Callout.Dashboard.RawData.Schema.{name}")
            ?? throw new InvalidOperationException($"Schema script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task ApplyAsync(DbConnection connection, string provider, CancellationToken cancellationToken = default) =>
        await connection.ExecuteAsync(new CommandDefinition(For(provider), cancellationToken: cancellationToken));
}
