using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Callout.Dashboard.Ui.Tests;

/// <summary>The pages' resources as the app loads them, for tests that build views and texts by hand.</summary>
public static class TestTexts
{
    public static readonly IStringLocalizer<Texts> Localizer = new StringLocalizer<Texts>(
        new ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>Runs the rest of the test (until disposed) in <paramref name="culture"/>, as a page of that language would.</summary>
    public static IDisposable InCulture(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return new Restore(before);
    }

    private sealed class Restore((CultureInfo Formats, CultureInfo Words) before) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
    }
}
