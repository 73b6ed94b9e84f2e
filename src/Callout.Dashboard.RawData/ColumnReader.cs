using System.Data.Common;
using System.Globalization;

namespace Callout.Dashboard.RawData;

/// <summary>
/// Typed access to result columns by Puzzel's names. Numbers go through Convert, so a deployment whose
/// tables use a wider or narrower integer type still reads; times and ids use the provider's own
/// conversion (SQLite keeps them as text).
/// </summary>
internal sealed class ColumnReader(DbDataReader reader)
{
    private readonly Dictionary<string, int> _ordinals = Enumerable.Range(0, reader.FieldCount)
        .ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);

    public DateTime Time(string column) => Required(column, i => reader.GetFieldValue<DateTime>(i));

    public DateTime? NullableTime(string column) => Optional(column, i => reader.GetFieldValue<DateTime>(i));

    public DateTimeOffset? NullableTimeWithOffset(string column) => Optional(column, i => reader.GetFieldValue<DateTimeOffset>(i));

    public Guid? NullableGuid(string column) => Optional(column, i => reader.GetFieldValue<Guid>(i));

    /// <summary>call_id as an integral decimal: SQLite keeps it as text, and may hold it as "7001.0".</summary>
    public decimal Id(string column) => Required(column, i => decimal.Truncate(reader.GetValue(i) is string text
        ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)
        : Convert.ToDecimal(reader.GetValue(i), CultureInfo.InvariantCulture)));

    public long Long(string column) => Required(column, i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));

    public long? NullableLong(string column) => Optional(column, i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));

    public int Int(string column) => Required(column, i => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture));

    public int? NullableInt(string column) => Optional(column, i => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture));

    public short? NullableShort(string column) => Optional(column, i => Convert.ToInt16(reader.GetValue(i), CultureInfo.InvariantCulture));

    public bool? NullableFlag(string column) => Optional(column, i => Convert.ToBoolean(reader.GetValue(i), CultureInfo.InvariantCulture));

    public string? Text(string column) => reader.IsDBNull(_ordinals[column]) ? null : reader.GetFieldValue<string>(_ordinals[column]);

    /// <summary>PostgreSQL hands char(n) back padded and SQLite may hold any text: codes are trimmed here.</summary>
    public string? Code(string column) => Text(column)?.Trim();

    private T Required<T>(string column, Func<int, T> read)
    {
        var ordinal = _ordinals[column];
        return reader.IsDBNull(ordinal)
            ? throw new InvalidDataException($"Column {column} is NULL where Raw data promises a value.")
            : read(ordinal);
    }

    private T? Optional<T>(string column, Func<int, T> read) where T : struct
    {
        var ordinal = _ordinals[column];
        return reader.IsDBNull(ordinal) ? null : read(ordinal);
    }
}
