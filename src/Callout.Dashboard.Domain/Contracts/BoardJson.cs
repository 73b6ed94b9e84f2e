using System.Text.Json;
using System.Text.Json.Serialization;

namespace Callout.Dashboard.Contracts;

/// <summary>The JSON shape of the contract: camelCase names, kebab-case enums ("in-progress", "no-answer").</summary>
public static class BoardJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>An enum value as the JSON names it ("scheduled-overdue"): for ids, metric tags and page attributes that must match the API.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
