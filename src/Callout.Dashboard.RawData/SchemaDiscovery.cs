using System.Data.Common;
using Dapper;
using Npgsql;

namespace Callout.Dashboard.RawData;

/// <summary>Lists the columns of the Raw data tables as the database itself describes them (views included).</summary>
public static class SchemaDiscovery
{
    // information_schema lists only what the current user may use, so a table without SELECT counts as missing.
    // Of the schemas on the search path, the first that has a table is the one an unqualified name resolves to.
    private const string PostgresColumns = """
        SELECT lower(c.table_schema) AS table_schema, lower(c.table_name) AS table_name, lower(c.column_name) AS column_name,
               array_position(current_schemas(false), c.table_schema::name) AS search_position
        FROM information_schema.columns c
        WHERE lower(c.table_name) = ANY(@tables)
        """;

    private const string SqliteColumns = """
        SELECT lower(m.name) AS table_name, lower(p.name) AS column_name
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type IN ('table', 'view') AND lower(m.name) IN (SELECT value FROM json_each(@tables))
        """;

    /// <summary>Whether the database holds any table or view of a user: only an empty one may be given our schema.</summary>
    public static async Task<bool> HasAnyTableAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(connection is NpgsqlConnection
            ? "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema'))"
            : "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view'))", cancellationToken: cancellationToken));

    public static async Task<RawDataSchema> DiscoverAsync(DbConnection connection, RawDataOptions options, CancellationToken cancellationToken)
    {
        var tables = await ListColumnsAsync(connection, RawDataSchema.TablesToFind(options), cancellationToken);
        return RawDataSchema.From(tables, options, connection is NpgsqlConnection);
    }

    /// <summary>Columns per table, by lower-case name; a schema-qualified table also under "schema.table".</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ListColumnsAsync(DbConnection connection, IReadOnlyList<string> tables,
        CancellationToken cancellationToken)
    {
        var names = tables.Select(t => t.Contains('.') ? t[(t.IndexOf('.') + 1)..] : t).Distinct().ToArray();
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (connection is NpgsqlConnection)
        {
            var rows = await connection.QueryAsync<(string Schema, string Table, string Column, int? Position)>(
                new CommandDefinition(PostgresColumns, new { tables = names }, cancellationToken: cancellationToken));
            foreach (var group in rows.GroupBy(r => r.Table))
            {
                foreach (var row in group)
                {
                    Add(found, $"{row.Schema}.{row.Table}", row.Column);
                }
                var onPath = group.Where(r => r.Position is not null).MinBy(r => r.Position);
                if (onPath != default)
                {
                    foreach (var row in group.Where(r => r.Schema == onPath.Schema))
                    {
                        Add(found, row.Table, row.Column);
                    }
                }
            }
        }
        else
        {
            var rows = await connection.QueryAsync<(string Table, string Column)>(
                new CommandDefinition(SqliteColumns, new { tables = System.Text.Json.JsonSerializer.Serialize(names) }, cancellationToken: cancellationToken));
            foreach (var row in rows)
            {
                Add(found, row.Table, row.Column);
            }
        }
        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, HashSet<string>> found, string table, string column)
    {
        if (!found.TryGetValue(table, out var columns))
        {
            columns = new HashSet<string>(StringComparer.Ordinal);
            found[table] = columns;
        }
        columns.Add(column);
    }
}
