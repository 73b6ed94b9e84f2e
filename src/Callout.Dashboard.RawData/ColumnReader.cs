using System.Data.Common;
using System.Globalization;

namespace Callout.Dashboard.RawData;

/// <summary>
/// Typed access to result columns by Puzzel's names. Numbers go through Convert, so a deployment whose
/// tables use a wider or narrower integer type still reads; times and ids use the provider's own
/// conversion (SQLite keeps them as text). A value that is NULL where a value is needed, or does not convert,
/// is a <see cref="RawValueException"/> naming the column, so one bad row can be dropped and the rest read.
/// </summary>
internal sealed class ColumnReader(DbDataReader reader)
{
    private readonly Dictionary<string, int> _ordinals = Enumerable.Range(0, reader.FieldCount)
        .ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);

    public DateTime Time(string column) => Required(column, static (r, i) => r.GetFieldValue<DateTime>(i));

    public DateTime? NullableTime(string column) => Optional(column, static (r, i) => r.GetFieldValue<DateTime>(i));

    public DateTimeOffset? NullableTimeWithOffset(string column) => Optional(column, static (r, i) => r.GetFieldValue<DateTimeOffset>(i));

    public Guid? NullableGuid(string column) => Optional(column, static (r, i) => r.GetFieldValue<Guid>(i));

    /// <summary>call_id as an integral decimal: SQLite keeps it as text, and may hold it as "7001.0".</summary>
    public decimal Id(string column) => Required(column, static (r, i) => decimal.Truncate(
        r.GetFieldType(i) == typeof(decimal) ? r.GetDecimal(i)
        : r.GetValue(i) is string text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)
        : System.Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture)));

    public long Long(string column) => Required(column, static (r, i) => r.GetFieldType(i) == typeof(long) ? r.GetInt64(i) : System.Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture));

    public long? NullableLong(string column) => Optional(column, static (r, i) => System.Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture));

    public int Int(string column) => Required(column, static (r, i) => System.Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture));

    public int? NullableInt(string column) => Optional(column, static (r, i) => System.Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture));

    public short? NullableShort(string column) => Optional(column, static (r, i) => System.Convert.ToInt16(r.GetValue(i), CultureInfo.InvariantCulture));

    public bool? NullableFlag(string column) => Optional(column, static (r, i) => System.Convert.ToBoolean(r.GetValue(i), CultureInfo.InvariantCulture));

    public string? Text(string column)
    {
        var ordinal = _ordinals[column];
        return reader.IsDBNull(ordinal) ? null
            : ReadAs(column, static (r, i) => r.GetValue(i) is string text ? text : System.Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)!, ordinal);
    }

    /// <summary>The call id when it can be read, to drop the rest of a call with a bad row.</summary>
    public decimal? TryId(string column)
    {
        try
        {
            return _ordinals.ContainsKey(column) ? Id(column) : null;
        }
        catch (RawValueException)
        {
            return null;
        }
    }

    /// <summary>The ids of the current row that can be read ("rec_id 5, call_id 7001"), for an anomaly's detail.</summary>
    public string Describe()
    {
        var ids = new List<string>();
        foreach (var column in new[] { "rec_id", "call_id", "agent_id" })
        {
            if (_ordinals.TryGetValue(column, out var ordinal) && !reader.IsDBNull(ordinal))
            {
                try
                {
                    ids.Add($"{column} {System.Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture)}");
                }
                catch (Exception ex) when (ex is InvalidCastException or FormatException)
                {
                }
            }
        }
        return ids.Count == 0 ? "row" : "row " + string.Join(", ", ids);
    }

    /// <summary>PostgreSQL hands char(n) back padded and SQLite may hold any text: codes are trimmed here.</summary>
    public string? Code(string column) => Text(column)?.Trim();

    /// <summary>A code Puzzel always writes (event_type): NULL is a bad value.</summary>
    public string RequiredCode(string column) => Code(column) ?? throw new RawValueException(column, "is NULL where Raw data promises a value");

    private T Required<T>(string column, Func<DbDataReader, int, T> read)
    {
        var ordinal = _ordinals[column];
        return reader.IsDBNull(ordinal)
            ? throw new RawValueException(column, "is NULL where Raw data promises a value")
            : ReadAs(column, read, ordinal);
    }

    private T? Optional<T>(string column, Func<DbDataReader, int, T> read) where T : struct
    {
        var ordinal = _ordinals[column];
        return reader.IsDBNull(ordinal) ? null : ReadAs(column, read, ordinal);
    }

    private T ReadAs<T>(string column, Func<DbDataReader, int, T> read, int ordinal)
    {
        try
        {
            return read(reader, ordinal);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new RawValueException(column, "holds a value that is not " + typeof(T).Name);
        }
    }
}

/// <summary>One value of a Raw data row could not be read; the message names the column, never the value (it may be personal).</summary>
public sealed class RawValueException(string column, string problem) : Exception($"column {column} {problem}")
{
    public string Column => column;
}
