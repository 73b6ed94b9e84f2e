using NetArchTest.Rules;

namespace Callout.Dashboard.Tests.Architecture;

/// <summary>
/// The features of the web project depend one way (house style §1): the board and who is looking at the bottom,
/// sign-in above them, the API, the hub and the pages on top; nothing uses the pages. The metrics sit beneath the
/// features that record into them, so they know none of those. A test fails when an arrow runs back.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Root = "Callout.Dashboard";

    /// <summary>Each feature, and the features it may use (besides the Domain, RawData and Simulator projects).</summary>
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["Demo"] = [],
        ["Alarms"] = [],
        ["Metrics"] = ["Viewers"],
        ["LiveBoard"] = ["Demo", "Metrics", "Alarms"],
        // Shared state holds the viewers' documents (links, sessions) and keys, in files or Redis.
        ["SharedState"] = ["Viewers"],
        ["Viewers"] = ["Demo", "SharedState"],
        ["SignIn"] = ["Viewers", "Demo", "SharedState"],
        ["Api"] = ["LiveBoard", "Viewers"],
        ["Streaming"] = ["LiveBoard", "Viewers", "Metrics"],
        ["Ui"] = ["LiveBoard", "Viewers", "SignIn", "Demo", "Alarms"],
    };

    public static TheoryData<string> Features => [.. s_allowed.Keys];

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_UsesOnlyTheFeaturesBelowIt(string feature)
    {
        var forbidden = s_allowed.Keys.Where(other => other != feature && !s_allowed[feature].Contains(other)).Select(other => $"{Root}.{other}").ToArray();

        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace($"{Root}.{feature}")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{feature} uses a feature it may not: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>The simulator is in the web project for demo mode only.</summary>
    [Fact]
    public void Simulator_IsUsedByDemoModeOnly()
    {
        var result = Types.InAssembly(typeof(Program).Assembly).That().DoNotResideInNamespace($"{Root}.Demo")
            .ShouldNot().HaveDependencyOn($"{Root}.Simulator").GetResult();

        Assert.True(result.IsSuccessful, $"Outside demo mode: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Features_CoverEveryTypeOfTheWebProject()
    {
        var outside = Types.InAssembly(typeof(Program).Assembly).GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith(Root, StringComparison.Ordinal) && !s_allowed.Keys.Any(f => ns == $"{Root}.{f}" || ns.StartsWith($"{Root}.{f}.", StringComparison.Ordinal)))
            .Where(t => !t.Name.StartsWith('<') && t.Namespace != "Microsoft.AspNetCore.OpenApi.Generated")
            .Select(t => t.FullName).ToList();

        Assert.Empty(outside);
    }
}
