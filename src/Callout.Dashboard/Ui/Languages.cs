using System.Globalization;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Ui;

/// <summary>
/// The languages the pages speak, and how a page's is chosen: <c>?lang=</c> on the link (a wall display's link
/// says its room's language), else <c>Dashboard:Culture</c>, else the browser's Accept-Language, else English.
/// </summary>
public static class Languages
{
    public static readonly IReadOnlyList<string> Codes = ["en", "nb", "sv", "da", "fi"];

    public const string QueryKey = "lang";

    /// <summary>
    /// Carries a <c>?lang=</c> choice from the page's request to its circuit's connection, which has no query of
    /// its own. A session cookie: a kiosk browser that restarts opens its link, and the link says the language.
    /// </summary>
    public const string CookieName = "callout-lang";

    /// <summary>The languages and each of their regional cultures: en-US formats a 12-hour clock, en-GB a 24-hour one.</summary>
    private static readonly IReadOnlyList<CultureInfo> s_cultures =
    [
        .. Codes.Select(CultureInfo.GetCultureInfo),
        .. CultureInfo.GetCultures(CultureTypes.SpecificCultures).Where(c => Codes.Contains(c.TwoLetterISOLanguageName)),
    ];

    /// <summary>A language or regional culture we speak, by name; ICU would make up a culture for any well-formed name.</summary>
    public static CultureInfo? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : s_cultures.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, CultureSettingValidator>();
        return builder;
    }

    public static WebApplication UseLanguages(this WebApplication app)
    {
        // Read raw: a wrong value is told by the options validation at start-up, in one line.
        var configured = Find(app.Configuration[$"{DashboardOptions.Section}:{nameof(DashboardOptions.Culture)}"]);
        var localization = new RequestLocalizationOptions
        {
            SupportedCultures = [.. s_cultures],
            SupportedUICultures = [.. s_cultures],
            DefaultRequestCulture = new RequestCulture(configured ?? CultureInfo.GetCultureInfo("en")),
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        // A configured culture is the centre's: a browser set to English on the wall PC must not overrule it.
        localization.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
            new CookieRequestCultureProvider { CookieName = CookieName },
            .. configured is null ? [new AcceptLanguageHeaderRequestCultureProvider()] : Array.Empty<IRequestCultureProvider>(),
        ];
        app.UseRequestLocalization(localization);
        app.Use((context, next) =>
        {
            if (Find(context.Request.Query[QueryKey]) is { } chosen)
            {
                context.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
            }
            return next(context);
        });
        return app;
    }

    private sealed class CultureSettingValidator : IValidateOptions<DashboardOptions>
    {
        public ValidateOptionsResult Validate(string? name, DashboardOptions options) =>
            options.Culture is null || Find(options.Culture) is not null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Dashboard:Culture '{options.Culture}' is not a language the dashboard speaks: use one of {string.Join(", ", Codes)} (or a regional variant such as nb-NO), or leave it out to follow each browser.");
    }
}
