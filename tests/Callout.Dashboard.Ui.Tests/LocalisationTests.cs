using System.Globalization;
using System.Resources;
using Callout.Dashboard.Ui;

namespace Callout.Dashboard.Ui.Tests;

/// <summary>Every word in every language: complete resources, no key used that is not there, no English left on an nb page.</summary>
public sealed class LocalisationTests
{
    private static readonly DateTime Now = At(10, 10);

    private static readonly ResourceManager s_resources = new(typeof(Texts).FullName!, typeof(Texts).Assembly);

    private static Dictionary<string, string> Resources(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        var set = s_resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{language}'.");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static readonly Regex s_placeholder = new(@"\{(\d+)(:[^}]*)?\}");

    private static string[] Placeholders(string text) => [.. s_placeholder.Matches(text).Select(m => m.Groups[1].Value).Order()];

    public static TheoryData<string> OtherLanguages => [.. Languages.Codes.Where(c => c != "en")];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Resources_EachLanguage_HasEveryEnglishTextWithTheSamePlaceholders(string language)
    {
        var english = Resources("en");
        var other = Resources(language);

        Assert.Empty(english.Keys.Except(other.Keys));
        Assert.Empty(other.Keys.Except(english.Keys));
        Assert.All(other, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{language} {text.Key} is empty");
            Assert.True(Placeholders(english[text.Key]).SequenceEqual(Placeholders(text.Value)), $"{language} {text.Key} has other placeholders than English");
        });
    }

    /// <summary>Texts a language may share with English: the product's name, Puzzel's own status term, units and words that are the same.</summary>
    private static readonly HashSet<string> s_sameInEveryLanguage =
    [
        "Product", "TitleWithProduct", "Kpi.ConnectedAndPause", "Time.Seconds", "Time.Minutes", "Time.HoursMinutes",
        "Column.Agent", "Column.Team", "Column.Status", "Agent.Numbered", "Agent.MadeFor", "Figure.CountOf", "Column.Within",
        // Danish and Norwegian say alarm too.
        "Column.Alarm", "Alarm.LevelAlarm",
    ];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Resources_EachLanguage_TranslatesEveryTextButSharedWords(string language)
    {
        var english = Resources("en");

        Assert.Empty(Resources(language).Where(t => t.Value == english[t.Key] && !s_sameInEveryLanguage.Contains(t.Key)).Select(t => t.Key));
    }

    [Fact]
    public void Resources_KeysInTheSource_AreTheKeysOfTheResources()
    {
        var english = Resources("en");
        // Literals that start like a key ("Kpi." and so on); Razor's "Color.Error" and the like are not keys.
        var prefixes = english.Keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var literal = new Regex("\"([A-Z][A-Za-z.]*)\"");
        var ui = RepoRoot.Combine("src", "Callout.Dashboard", "Ui");
        var used = Directory.EnumerateFiles(ui, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(text => prefixes.Contains(text.Split('.')[0]))
            .ToHashSet(StringComparer.Ordinal);

        // A key not in the resources shows as the key itself on screen; a text no page uses is dead.
        Assert.Empty(used.Except(english.Keys));
        Assert.Empty(english.Keys.Except(used));
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "/", "Overview.Heading" },
        { "/wall", "Wall.Title" },
        { "/agents", "Agents.PanelTitle" },
        { "/scheduled", "Scheduled.Heading" },
        { "/cancelled", "Cancelled.Heading" },
        { "/alarms", "Alarms.Heading" },
        { "/admin/wall-tokens", "WallLinks.Heading" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_InNorwegian_ShowsNoEnglishText(string path, string headingKey)
    {
        await using var h = FullBoard();
        h.Auth.SetRoles(Roles.Admin);
        using var nb = TestTexts.InCulture("nb-NO");

        var text = RenderedText(h, path);

        Assert.Empty(EnglishLeftovers(text));
        Assert.Contains(Resources("nb")[headingKey], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wall_InNorwegian_BoardChangeOnAnotherThread_StillRendersNorwegian()
    {
        await using var h = FullBoard();
        IRenderedComponent<Wall> cut;
        using (TestTexts.InCulture("nb-NO"))
        {
            cut = h.RenderPage<Wall>("/wall");
        }

        // The change comes from the poller's thread, in the server's culture, as in production.
        await Task.Run(() => h.Poll(Rows.Answered(7999, Now.AddMinutes(-1))));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Contains("Pågår", cut.Find("[data-panel='active'] h2").TextContent, StringComparison.Ordinal));
        Assert.Empty(EnglishLeftovers(PageText(cut)));
    }

    [Fact]
    public void Formats_FollowTheCulture()
    {
        var time = new DateTimeOffset(2026, 1, 15, 9, 5, 7, TimeSpan.FromHours(1));
        using (TestTexts.InCulture("fi-FI"))
        {
            Assert.Equal("9.05", Display.ClockTime(time));
        }
        using (TestTexts.InCulture("en-US"))
        {
            Assert.Equal("9:05\u202FAM", Display.ClockTime(time));
        }
        using (TestTexts.InCulture("nb-NO"))
        {
            Assert.Equal("09:05", Display.ClockTime(time));
            Assert.Equal("2 t 05 min", Display.Elapsed(TimeSpan.FromMinutes(125), TestTexts.Localizer));
            Assert.Equal("85 %", TestTexts.Localizer["Figure.Percent", 85.0]);
        }
        using (TestTexts.InCulture("sv-SE"))
        {
            Assert.Equal("2 tim 05 min", Display.Elapsed(TimeSpan.FromMinutes(125), TestTexts.Localizer));
        }
    }

    /// <summary>Every kind of row: in progress, scheduled (one overdue), answered, cancelled, paused agents.</summary>
    private static UiHarness FullBoard()
    {
        var h = new UiHarness(Now);
        h.Poll(
            [
                .. Rows.Ordered(7001, At(10, 8)),
                .. Rows.Scheduled(7002, At(9, 0), At(10, 30)),
                .. Rows.Scheduled(7003, At(9, 0), At(10, 0), Rows.Support, agentId: null),
                .. Rows.Answered(7004, At(10, 0)),
                .. Rows.Cancelled(7005, At(10, 1)),
            ],
            [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Lunsj"), Rows.AgentEvent("i", At(8, 30), Rows.OtherAgentId)]);
        return h;
    }

    private static string RenderedText(UiHarness h, string path) => path switch
    {
        "/" => PageText(h.RenderPage<Overview>(path)),
        "/wall" => PageText(h.RenderPage<Wall>(path)),
        "/agents" => PageText(h.RenderPage<AgentsPage>(path)),
        "/scheduled" => PageText(h.RenderPage<ScheduledPage>(path)),
        "/cancelled" => PageText(h.RenderPage<CancelledPage>(path)),
        "/alarms" => PageText(h.RenderPage<AlarmsPage>(path)),
        _ => PageText(h.RenderPage<WallTokensPage>(path)),
    };

    /// <summary>What a reader sees: the text and the tooltips, placeholders and labels.</summary>
    private static string PageText<T>(IRenderedComponent<T> cut) where T : IComponent =>
        string.Join(" \n ", cut.Nodes.Select(n => n.TextContent)
            .Concat(cut.FindAll("[title], [placeholder], [aria-label]").SelectMany(e =>
                new[] { e.GetAttribute("title"), e.GetAttribute("placeholder"), e.GetAttribute("aria-label") }.OfType<string>())));

    /// <summary>
    /// Pieces of English texts (between their placeholders) found in <paramref name="text"/>; pieces that are Norwegian
    /// too ("Agent", "data", "min") do not count.
    /// </summary>
    private static List<string> EnglishLeftovers(string text)
    {
        var norwegian = string.Join("\n", Resources("nb").Values);
        return [.. Resources("en").Values
            .SelectMany(english => s_placeholder.Split(english))
            .Select(piece => piece.Trim(' ', '·', ':', '(', ')', '+', '/', '.', ',', '“', '”'))
            .Where(piece => piece.Count(char.IsLetter) >= 3 && !norwegian.Contains(piece, StringComparison.Ordinal))
            .Distinct()
            .Where(piece => Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(piece)}(?!\p{{L}})"))];
    }
}
