using System.Data.Common;
using Callout.Dashboard.RawData;
using Dapper;

namespace Callout.Dashboard.Simulator;

/// <summary>Which Puzzel database our scripts make: the current one, one older than v1.6, or a live mirror's shape.</summary>
public enum SchemaShape { Current, V15, Mirror }

/// <summary>
/// The shipped Puzzel-shaped schema, for the embedded demo, tests, benchmarks and docker-compose. Never applied to a
/// database the app was pointed at. The older and mirror shapes are the current one altered, for an empty database.
/// </summary>
public static class SchemaScripts
{
    /// <summary>The names the simulator's --schema option takes.</summary>
    public static readonly IReadOnlyDictionary<string, SchemaShape> ShapeNames = new Dictionary<string, SchemaShape>(StringComparer.OrdinalIgnoreCase)
    {
        ["current"] = SchemaShape.Current,
        ["v1.5"] = SchemaShape.V15,
        ["mirror"] = SchemaShape.Mirror,
    };

    public static string For(string provider, SchemaShape shape = SchemaShape.Current) =>
        Read($"{Dialect(provider)}.sql") + "\n" + AlterationsFor(provider, shape);

    /// <summary>What turns a database of the current shape into <paramref name="shape"/> (nothing for the current one).</summary>
    public static string AlterationsFor(string provider, SchemaShape shape) => shape switch
    {
        SchemaShape.V15 => Read($"v1.5.{Dialect(provider)}.sql"),
        SchemaShape.Mirror => Read($"mirror.{Dialect(provider)}.sql"),
        _ => "",
    };

    private static string Dialect(string provider) => RawDataProvider.IsPostgreSql(provider) ? "postgresql" : "sqlite";

    public static async Task ApplyAsync(DbConnection connection, string provider, CancellationToken cancellationToken = default) =>
        await ApplyAsync(connection, provider, SchemaShape.Current, cancellationToken);

    public static async Task ApplyAsync(DbConnection connection, string provider, SchemaShape shape, CancellationToken cancellationToken = default) =>
        await connection.ExecuteAsync(new CommandDefinition(For(provider, shape), cancellationToken: cancellationToken));

    private static string Read(string name)
    {
        using var stream = typeof(SchemaScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Schema script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
