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

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
