namespace Callout.Dashboard.Browser.Tests;

/// <summary>What a person does on the sign-in page and the wall-link admin page, for the tests that need a link.</summary>
public static class AdminPages
{
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.Locator("#userName").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type='submit']").ClickAsync();
    }

    /// <summary>Opens the admin page at <paramref name="site"/>, signing in first, with the circuit up.</summary>
    public static async Task OpenWallLinksAsync(IPage admin, Uri site, string user, string password)
    {
        await admin.GotoAsync(new Uri(site, "/admin/wall-tokens").ToString());
        await SignInAsync(admin, user, password);
        await admin.WaitForURLAsync("**/admin/wall-tokens");
        await admin.WaitForSelectorAsync("[data-interactive='true']", new() { Timeout = 30_000 });
    }

    /// <summary>Makes a link on the open admin page and returns it as the page shows it.</summary>
    public static async Task<string> CreateLinkAsync(IPage admin, string name)
    {
        var before = await admin.Locator("[data-token-link]").CountAsync() > 0 ? await admin.Locator("[data-token-link]").TextContentAsync() : null;
        await admin.Locator(".token-name input").FillAsync(name);
        await admin.Locator(".token-name input").PressAsync("Tab");
        // The typed name reaches the server as its own event; on a busy machine a click can overtake it, and the page
        // then asks for a name: click again, as a person would.
        for (var attempt = 0; attempt < 5 && !await MadeAsync(admin, before); attempt++)
        {
            await admin.Locator("[data-action='create-token']").ClickAsync();
            await admin.WaitForTimeoutAsync(1000);
        }
        return (await admin.Locator("[data-token-link]").TextContentAsync())!.Trim();
    }

    private static async Task<bool> MadeAsync(IPage admin, string? before) =>
        await admin.Locator("[data-token-link]").CountAsync() > 0 && await admin.Locator("[data-token-link]").TextContentAsync() != before;
}
